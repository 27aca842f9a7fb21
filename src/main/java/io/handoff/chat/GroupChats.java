package io.handoff.chat;

import java.util.List;

import io.handoff.graph.Person;
import io.handoff.graph.TenantId;

/**
 * Opens (or finds) a conversation that contains two people, and posts an opening message there: "Let's talk" on a
 * story brings its teller and its upstream together. Idempotent per {@code key}: asking again with the same key opens
 * and posts nothing new. Never throws for a platform's refusal or rate limit; it answers
 * {@link GroupChat.NotPossible} and the caller falls back (e.g. to a note to each of them).
 *
 * <p>The decision is local and quick (no network: the person is waiting for the answer to a button). A platform
 * that must call out to open the chat answers {@link GroupChat.Opening} at once and does it in the background; if
 * that then fails, it delivers {@code fallback} (the caller's notes to each of the two, with their keys) itself.
 * Either way it then tells {@code settled} how the background work ended.
 */
public interface GroupChats {

    /**
     * @param settled told once, from the background, how a chat answered {@link GroupChat.Opening} by this call
     *                ended: {@link GroupChat.Opened} once the opening is posted, or {@link GroupChat.NotPossible}
     *                after {@code fallback} was handed to delivery. Not told anything for an answer that is already
     *                final, nor for an {@code Opening} that another call with the same key started.
     */
    GroupChat open(TenantId tenant, Person first, Person second, Message opening, String key,
                   List<Notification> fallback, Settled settled);

    /** {@link #open(TenantId, Person, Person, Message, String, List, Settled)} without caring how it ends. */
    default GroupChat open(TenantId tenant, Person first, Person second, Message opening, String key,
                           List<Notification> fallback) {
        return open(tenant, first, second, opening, key, fallback, Settled.IGNORE);
    }

    /** How a group chat opened in the background ended. */
    @FunctionalInterface
    interface Settled {
        Settled IGNORE = outcome -> {
        };

        void settled(GroupChat outcome);
    }

    /** No platform can open group chats (tests, the playground): the caller always falls back. */
    GroupChats NONE = (tenant, first, second, opening, key, fallback, settled) ->
            new GroupChat.NotPossible("no group chats here");
}
