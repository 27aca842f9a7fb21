package io.handoff.empathy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.chat.GroupChat;
import io.handoff.chat.GroupChats;
import io.handoff.chat.Link;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Reply;
import io.handoff.graph.Names;
import io.handoff.graph.Person;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;

/**
 * "Let's talk": brings the upstream and the teller together, from the upstream's reaction to a named story or from an
 * anonymous teller's choice to reveal themselves. A group chat of the two where the platform allows
 * ({@link GroupChats}, opened once per story), else a note to each.
 */
final class LetsTalk {
    private static final Logger log = LoggerFactory.getLogger(LetsTalk.class);

    private final StoryStore stories;
    private final GroupChats groupChats;
    private final StoryAccess access;

    LetsTalk(StoryStore stories, GroupChats groupChats, StoryAccess access) {
        this.stories = Objects.requireNonNull(stories);
        this.groupChats = Objects.requireNonNull(groupChats);
        this.access = Objects.requireNonNull(access);
    }

    Outcome reveal(Actor actor, String id) {
        Story story = access.sentStory(actor.tenant(), id);
        if (!story.teller().equals(actor.person())) {
            throw new StoryException("Only the storyteller can choose to talk.");
        }
        Story revealed = stories.update(actor.tenant(), id, Story::revealedToUpstream);
        Person upstream = access.person(actor.tenant(), story.upstream());
        Person teller = access.person(actor.tenant(), story.teller());
        Talk talk = talk(actor.tenant(), revealed, upstream, teller, upstream);
        return new Outcome(new Reply.Show(talk.message(Names.first(upstream) + " now knows the story is yours. ")),
                talk.notifications(), true);
    }

    /**
     * Brings the two together: a group chat where both are (opened once per story), else a note to each. The reply
     * is told from the side of whoever pressed; {@code other} is the one who did not. The story's {@code talk} says
     * {@code opening} while a chat opens in the background, then what happened: {@code chat:<platform>} once the
     * opening is posted, {@code notes} when the platform fell back to the notes.
     */
    Talk talk(TenantId tenant, Story story, Person upstream, Person teller, Person other) {
        String name = Names.first(other);
        List<Notification> notes = talkPrompts(story, upstream, teller);
        // written before the call, so the background's outcome (which may come at once) is never overwritten by it
        stories.talkOpened(tenant, story.id(), StoryStore.TALK_OPENING);
        GroupChat chat = groupChats.open(tenant, upstream, teller, StoryMessages.talkOpening(story, upstream, teller),
                "story-talk:" + story.id(), notes, outcome -> talkSettled(tenant, story.id(), outcome));
        if (chat instanceof GroupChat.Opening opening) {
            // the field stays "opening" until the platform settles it (or already did)
            boolean slack = opening.platform() == Platform.SLACK;
            String text = slack
                    ? "I'm opening a group DM with you, " + name + " and me \u2014 it will appear in your Slack sidebar"
                    + " in a moment."
                    : "I'm opening a group chat with you, " + name + " and me \u2014 it will appear in a moment.";
            log.info("story {} in tenant {}: opening a group chat on {}", story.id(), tenant,
                    opening.platform().code());
            return new Talk(text, Optional.empty(), List.of());
        }
        if (chat instanceof GroupChat.Opened opened) {
            stories.talkOpened(tenant, story.id(), "chat:" + opened.platform().code());
            String kind = opened.platform() == Platform.SLACK ? "group DM" : "group chat";
            String text = opened.again() ? "Your " + kind + " with " + name + " and me is already open."
                    : "I opened a " + kind + " with you, " + name + " and me. Say hello there.";
            log.info("story {} in tenant {}: {} opened on {}", story.id(), tenant, kind, opened.platform().code());
            return new Talk(text, opened.link().map(link -> new Link("Open the " + kind, link)), List.of());
        }
        if (chat instanceof GroupChat.Invited invited) {
            stories.talkOpened(tenant, story.id(), "links:" + invited.platform().code());
            return new Talk("Both of you have a link to start a chat with each other.", Optional.empty(),
                    invited.invitations());
        }
        stories.talkOpened(tenant, story.id(), "notes");
        log.info("story {} in tenant {}: no group chat ({}), a note to each", story.id(), tenant,
                ((GroupChat.NotPossible) chat).reason());
        return new Talk("Done: you and " + name + " both have a note to find a moment to talk.", Optional.empty(),
                notes);
    }

    /** Records how a chat opened in the background ended. */
    private void talkSettled(TenantId tenant, String id, GroupChat outcome) {
        if (outcome instanceof GroupChat.Opened opened) {
            stories.talkOpened(tenant, id, "chat:" + opened.platform().code());
        } else {
            stories.talkOpened(tenant, id, "notes");
            log.info("story {} in tenant {}: the group chat did not open, a note to each instead", id, tenant);
        }
    }

    /** What "Let's talk" did: the sentence for whoever pressed, a link to the chat if any, messages to deliver. */
    record Talk(String reply, Optional<Link> link, List<Notification> notifications) {
        Message message(String before) {
            String text = before + reply;
            List<Block> blocks = new ArrayList<>(List.of(Paragraph.of(text)));
            link.ifPresent(blocks::add);
            return new Message(text, blocks);
        }
    }

    private List<Notification> talkPrompts(Story story, Person upstream, Person teller) {
        return List.of(
                new Notification(teller.id(), StoryMessages.talkPrompt(upstream, story),
                        "story-talk:" + story.id() + ":t"),
                new Notification(upstream.id(), StoryMessages.talkPrompt(teller, story),
                        "story-talk:" + story.id() + ":u"));
    }
}
