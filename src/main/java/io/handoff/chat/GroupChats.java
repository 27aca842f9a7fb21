package io.handoff.chat;

import io.handoff.graph.Person;
import io.handoff.graph.TenantId;

/**
 * Opens (or finds) a conversation that contains two people, and posts an opening message there: "Let's talk" on a
 * story brings its teller and its upstream together. Idempotent per {@code key}: asking again with the same key opens
 * and posts nothing new. Never throws for a platform's refusal or rate limit; it answers
 * {@link GroupChat.NotPossible} and the caller falls back (e.g. to a note to each of them).
 */
public interface GroupChats {

    GroupChat open(TenantId tenant, Person first, Person second, Message opening, String key);

    /** No platform can open group chats (tests, the playground): the caller always falls back. */
    GroupChats NONE = (tenant, first, second, opening, key) -> new GroupChat.NotPossible("no group chats here");
}
