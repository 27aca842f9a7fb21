package io.handoff.empathy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.handoff.chat.Actor;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.graph.Names;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Side;

/**
 * Shadowing a shift after the upstream asked for it: the teller proposes the first date (which names an anonymous
 * teller), either side may propose another, and the other confirms it; each hears of the other's step.
 */
final class ShadowShift {
    private final StoryStore stories;
    private final Clock clock;
    private final StoryAccess access;

    ShadowShift(StoryStore stories, Clock clock, StoryAccess access) {
        this.stories = Objects.requireNonNull(stories);
        this.clock = Objects.requireNonNull(clock);
        this.access = Objects.requireNonNull(access);
    }

    Outcome openShadowForm(Actor actor, String id) {
        Story story = access.sentStory(actor.tenant(), id);
        Shadowing shadowing = story.shadowing();
        if (shadowing == null || shadowing.state() == Shadowing.State.CONFIRMED) {
            throw new StoryException(shadowing == null ? "No shadowing was asked for on this story."
                    : "The shadowing date is already confirmed: " + shadowing.date() + ".");
        }
        Side side = access.sideOf(actor, story);
        if (side == Side.UPSTREAM && (shadowing.state() != Shadowing.State.PROPOSED || !story.named())) {
            throw new StoryException("The storyteller proposes the first date.");
        }
        Person other = access.person(actor.tenant(), side == Side.UPSTREAM ? story.teller() : story.upstream());
        return Outcome.reply(new Reply.OpenForm(StoryMessages.shadowForm(story, other,
                (side == Side.UPSTREAM ? "u|" : "t|") + story.id())));
    }

    Outcome confirmShadowing(Actor actor, String id) {
        Story story = access.sentStory(actor.tenant(), id);
        Side side = access.sideOf(actor, story);
        Story confirmed;
        try {
            confirmed = stories.update(actor.tenant(), id, s -> {
                if (s.shadowing() == null) {
                    throw new IllegalStateException("there is no proposed date to confirm");
                }
                return s.withShadowing(s.shadowing().confirmedBy(side, clock.instant()));
            });
        } catch (IllegalStateException e) {
            throw new StoryException("Nothing to confirm: " + e.getMessage() + ".");
        }
        Person upstream = access.person(actor.tenant(), story.upstream());
        Person teller = access.person(actor.tenant(), story.teller());
        Message done = StoryMessages.shadowConfirmed(confirmed, upstream, teller);
        PersonId other = side == Side.UPSTREAM ? teller.id() : upstream.id();
        return new Outcome(new Reply.Show(done),
                List.of(new Notification(other, done, "story-shadow-confirmed:" + id)), true);
    }

    Outcome submitShadowDate(Interaction.FormSubmitted submitted) {
        Actor actor = submitted.actor();
        String state = submitted.state();
        if (state.length() < 3 || state.charAt(1) != '|') {
            throw new StoryException("This form could not be read.");
        }
        Story story = access.sentStory(actor.tenant(), state.substring(2));
        Side side = access.sideOf(actor, story);
        LocalDate date;
        try {
            date = LocalDate.parse(submitted.first("date").strip());
        } catch (DateTimeParseException e) {
            return Outcome.reply(new Reply.FormErrors(Map.of("date",
                    "Write the date as YYYY-MM-DD, e.g. 2026-12-03.")));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (date.isBefore(today) || date.isAfter(today.plusYears(1))) {
            return Outcome.reply(new Reply.FormErrors(Map.of("date", "Pick a day from today to a year ahead.")));
        }
        Story proposed;
        try {
            proposed = stories.update(actor.tenant(), story.id(), s -> {
                if (s.shadowing() == null) {
                    throw new IllegalStateException("no shadowing was asked for");
                }
                Story next = s.withShadowing(s.shadowing().proposed(date, side, clock.instant()));
                return side == Side.DOWNSTREAM ? next.revealedToUpstream() : next;
            });
        } catch (IllegalStateException e) {
            throw new StoryException("Cannot propose a date: " + e.getMessage() + ".");
        }
        Person upstream = access.person(actor.tenant(), story.upstream());
        Person teller = access.person(actor.tenant(), story.teller());
        boolean byTeller = side == Side.DOWNSTREAM;
        Person proposer = byTeller ? teller : upstream;
        Person other = byTeller ? upstream : teller;
        Notification note = new Notification(other.id(), StoryMessages.proposal(proposed, proposer, byTeller),
                "story-shadow-proposal:" + story.id() + ":" + date + ":" + (byTeller ? "t" : "u"));
        return new Outcome(new Reply.CloseForm(Message.text("Proposed " + date + ". " + Names.first(other)
                + " will confirm it or suggest another day.")), List.of(note), true);
    }
}
