package io.handoff.empathy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.handoff.chat.Actor;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.graph.Person;

/**
 * The upstream reacts to a story ("I didn't know this", "Let's talk", "I'd like to shadow a shift"), once per
 * reaction; the teller hears of each. "Let's talk" on a named story brings the two together ({@link LetsTalk}); a
 * shadowing request waits for the teller to propose a date ({@link ShadowShift}).
 */
final class ReactToStory {
    private final StoryStore stories;
    private final Clock clock;
    private final StoryAccess access;
    private final LetsTalk letsTalk;

    ReactToStory(StoryStore stories, Clock clock, StoryAccess access, LetsTalk letsTalk) {
        this.stories = Objects.requireNonNull(stories);
        this.clock = Objects.requireNonNull(clock);
        this.access = Objects.requireNonNull(access);
        this.letsTalk = Objects.requireNonNull(letsTalk);
    }

    Outcome react(Actor actor, String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new StoryException("That reaction could not be read.");
        }
        Story story = access.sentStory(actor.tenant(), value.substring(0, colon));
        Reaction reaction;
        try {
            reaction = Reaction.fromCode(value.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new StoryException("That reaction could not be read.");
        }
        if (!story.upstream().equals(actor.person())) {
            throw new StoryException("Only the person the story was told to can react to it.");
        }
        if (!stories.react(actor.tenant(), story.id(), reaction, clock.instant())) {
            return Outcome.show(Message.text("Already noted: " + reaction.label() + "."));
        }
        if (reaction == Reaction.SHADOW && story.shadowing() == null) {
            story = stories.update(actor.tenant(), story.id(), s -> s.shadowing() != null ? s
                    : s.withShadowing(Shadowing.requested(clock.instant())));
        }
        Person upstream = access.person(actor.tenant(), story.upstream());
        Person teller = access.person(actor.tenant(), story.teller());
        List<Notification> notifications = new ArrayList<>();
        notifications.add(new Notification(teller.id(), StoryMessages.reactionNotice(story, upstream, reaction),
                "story-reaction:" + story.id() + ":" + reaction.code()));
        String reply;
        if (reaction == Reaction.LETS_TALK && story.named()) {
            LetsTalk.Talk talk = letsTalk.talk(actor.tenant(), story, upstream, teller, teller);
            notifications.addAll(talk.notifications());
            return new Outcome(new Reply.Show(talk.message("")), notifications, false);
        } else if (reaction == Reaction.LETS_TALK) {
            reply = "The storyteller chose to stay anonymous. They now know you would like to talk and can reach out.";
        } else if (reaction == Reaction.SHADOW) {
            reply = "Noted. The storyteller is asked to propose a day for you to shadow their shift.";
        } else {
            reply = "Thanks. The storyteller will hear that this was news to you.";
        }
        return new Outcome(new Reply.Show(Message.text(reply)), notifications, false);
    }
}
