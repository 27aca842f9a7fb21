package io.handoff.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.chat.Action;
import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Field;
import io.handoff.chat.Form;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Reply;
import io.handoff.graph.ClaimedBy;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;
import io.handoff.graph.Side;
import io.handoff.graph.TenantId;

/**
 * The answers to "X says you depend on their Y. Is that right?": Confirm, Not really (a small form with an optional
 * reason; the edge becomes disputed) and "Yes, and there's more" (confirm, then open the person's own survey).
 * The button carries the edge and the version it asked about; an answer to an edge that changed meanwhile or no
 * longer exists gets a clear message (and the current question, when there still is one), never an error.
 */
final class Confirmations {
    static final String REASON = "reason";
    private static final Logger log = LoggerFactory.getLogger(Confirmations.class);

    private final GraphStore graph;
    private final DisputeReasons reasons;
    private final SurveyFlow flow;
    private final Clock clock;

    Confirmations(GraphStore graph, DisputeReasons reasons, SurveyFlow flow, Clock clock) {
        this.graph = graph;
        this.reasons = reasons;
        this.flow = flow;
        this.clock = clock;
    }

    /** What checking an answer against the graph found: the question as asked, or a message to show instead. */
    private sealed interface Check permits Asked, Instead {
    }

    /** The actor is asked about this edge, and it is still the version they were asked about. */
    private record Asked(EdgeRef ref, Side mySide, Handoff edge, Person claimant) implements Check {
    }

    private record Instead(Message message) implements Check {
    }

    private static final class Changed extends RuntimeException {
        Changed() {
            super(null, null, false, false);
        }
    }

    Outcome onConfirm(Interaction.ButtonPressed pressed, boolean more) {
        Actor actor = pressed.actor();
        Check check = check(actor, pressed.action().value());
        if (check instanceof Instead instead) {
            // "there's more" still opens the survey (that is what the person asked for); the question becomes what
            // stands now, so its buttons cannot be pressed again
            return more ? Outcome.reply(new Reply.OpenForm(flow.start(actor), Optional.of(instead.message())))
                    : Outcome.show(instead.message());
        }
        Asked question = (Asked) check;
        if (question.edge().status() == EdgeStatus.CONFIRMED) {
            // asked again through Change and confirmed again: nothing changes, the message shows the answer again
            Message answer = answered(question.edge(), question.claimant(), question.mySide());
            return more ? Outcome.reply(new Reply.OpenForm(flow.start(actor), Optional.of(answer)))
                    : Outcome.reply(new Reply.Replace(answer));
        }
        Instant now = clock.instant();
        Handoff confirmed;
        try {
            confirmed = graph.update(actor.tenant(), question.ref().upstream(), question.ref().downstream(), current -> {
                if (current.isEmpty() || !question.ref().isVersionOf(current.get())) {
                    throw new Changed();
                }
                return Optional.of(current.get().confirmedBy(question.mySide(), EdgeTimes.notBefore(now, current.get())));
            }).orElseThrow();
        } catch (Changed changed) {
            return Outcome.show(current(actor, question.ref()));
        }
        reasons.remove(actor.tenant(), confirmed.upstream(), confirmed.downstream());
        log.info("handoff {}>{} confirmed by the {} side in tenant {}", confirmed.upstream(), confirmed.downstream(),
                question.mySide(), actor.tenant());
        Person me = graph.person(actor.tenant(), actor.person()).orElseThrow();
        Notification toClaimant = new Notification(question.claimant().id(),
                Asks.confirmed(confirmed, me, question.mySide()),
                NotificationKeys.of("confirmed", confirmed.upstream(), confirmed.downstream(), confirmed.lastConfirmedAt()));
        // the question becomes its answer, so Confirm / Not really cannot be pressed again by mistake
        Message answer = answered(confirmed, question.claimant(), question.mySide());
        if (more) {
            return new Outcome(new Reply.OpenForm(flow.start(actor), Optional.of(answer)), List.of(toClaimant), true);
        }
        return new Outcome(new Reply.Replace(answer), List.of(toClaimant), true);
    }

    /**
     * "You confirmed you hand Dana parcels sorted by route" with a Change button that asks again (it carries this
     * version of the edge, so a Change pressed after the edge changed again gets the current state instead).
     */
    static Message answered(Handoff confirmed, Person claimant, Side mySide) {
        Paragraph answer = Paragraph.builder().plain("You confirmed ")
                .plain(mySide == Side.DOWNSTREAM ? "you depend on " : "you hand ")
                .strong(claimant.displayName())
                .plain(mySide == Side.DOWNSTREAM ? "'s " : " ")
                .strong(confirmed.what()).plain(". Thanks!").build();
        return new Message(answer.plainText(), List.of(answer,
                Paragraph.of("Does anyone else depend on your work? Type customers to name them."),
                Buttons.of(Button.of("Change", new Action(SurveyActions.CHANGE, EdgeRef.of(confirmed).encode())))));
    }

    /** Change on an answered question: the question again, with Confirm / Not really, in place of the answer. */
    Outcome onChange(Interaction.ButtonPressed pressed) {
        Check check = check(pressed.actor(), pressed.action().value());
        if (check instanceof Instead instead) {
            return Outcome.reply(new Reply.Replace(instead.message()));
        }
        Asked question = (Asked) check;
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.builder().plain("You can change your answer about ").strong(question.edge().what())
                .plain(" with ").strong(question.claimant().displayName()).plain(":").build());
        String ref = question.ref().encode();
        blocks.add(Buttons.of(Button.primary("Confirm", new Action(SurveyActions.CONFIRM, ref)),
                Button.of("Not really", new Action(SurveyActions.DISPUTE, ref))));
        return Outcome.reply(new Reply.Replace(new Message("Change your answer about " + question.edge().what(),
                blocks)));
    }

    Outcome onDisputeButton(Interaction.ButtonPressed pressed) {
        Check check = check(pressed.actor(), pressed.action().value());
        if (check instanceof Instead instead) {
            return Outcome.show(instead.message());
        }
        Asked question = (Asked) check;
        Form form = new Form(SurveyActions.DISPUTE_FORM, "Not quite right?", "Send", question.ref().encode(), List.of(
                new Field.Note("intro", Paragraph.builder().plain("Thanks for saying so. What's different? ")
                        .strong(question.claimant().displayName()).plain(" will see your words as you write them.")
                        .build()),
                new Field.TextInput(REASON, "What's different?", true, DisputeReasons.MAX_REASON, true, null,
                        "e.g. I get it from someone else now")));
        return Outcome.reply(new Reply.OpenForm(form));
    }

    Outcome onDisputeForm(Interaction.FormSubmitted submitted) {
        Actor actor = submitted.actor();
        String reason = submitted.first(REASON).strip();
        if (reason.length() > DisputeReasons.MAX_REASON) {
            return Outcome.reply(new Reply.FormErrors(Map.of(REASON,
                    "Keep it under " + DisputeReasons.MAX_REASON + " characters.")));
        }
        Optional<EdgeRef> parsed = EdgeRef.parse(submitted.state());
        if (parsed.isEmpty() || !(parsed.get().upstream().equals(actor.person())
                || parsed.get().downstream().equals(actor.person()))) {
            return Outcome.reply(new Reply.FormErrors(Map.of(REASON,
                    "This form is out of date. Close it and press Not really on the question again.")));
        }
        Check check = check(actor, submitted.state());
        if (check instanceof Instead instead) {
            return Outcome.reply(new Reply.CloseForm(instead.message(), true));
        }
        Asked question = (Asked) check;
        Instant now = clock.instant();
        Handoff disputed;
        try {
            disputed = graph.update(actor.tenant(), question.ref().upstream(), question.ref().downstream(), current -> {
                if (current.isEmpty() || !question.ref().isVersionOf(current.get())) {
                    throw new Changed();
                }
                return Optional.of(current.get().disputedBy(question.mySide(), EdgeTimes.notBefore(now, current.get())));
            }).orElseThrow();
        } catch (Changed changed) {
            return Outcome.reply(new Reply.CloseForm(current(actor, question.ref()), true));
        }
        reasons.save(actor.tenant(), disputed.upstream(), disputed.downstream(), question.mySide(), now, reason);
        log.info("handoff {}>{} disputed by the {} side in tenant {} ({})", disputed.upstream(), disputed.downstream(),
                question.mySide(), actor.tenant(), reason.isEmpty() ? "no reason" : "with a reason");
        Person me = graph.person(actor.tenant(), actor.person()).orElseThrow();
        Notification toClaimant = new Notification(question.claimant().id(),
                Asks.disputed(disputed, me, question.mySide(), reason),
                NotificationKeys.of("disputed", disputed.upstream(), disputed.downstream(), disputed.updatedAt()));
        // the question (whose Not really opened this form) becomes the answer, with Change to ask it again
        return new Outcome(new Reply.CloseForm(disputedAnswer(disputed, question.claimant(), question.mySide(), reason),
                true), List.of(toClaimant), true);
    }

    /**
     * "You said this is not right: Ana's sorted parcels. I've let Ana know." with the person's own words and a Change
     * button that asks again (it carries this version of the edge).
     */
    static Message disputedAnswer(Handoff disputed, Person claimant, Side mySide, String reason) {
        Paragraph answer = Paragraph.builder().plain("You said this is not right: ")
                .plain(mySide == Side.DOWNSTREAM ? "you depend on " : "you hand ")
                .strong(claimant.displayName())
                .plain(mySide == Side.DOWNSTREAM ? "'s " : " ")
                .strong(disputed.what()).plain(". Thanks, noted. I've let ").strong(claimant.displayName())
                .plain(" know.").build();
        List<Block> blocks = new ArrayList<>();
        blocks.add(answer);
        if (!reason.isEmpty()) {
            blocks.add(Paragraph.builder().plain("Your words: \u201c").plain(reason).plain("\u201d").build());
        }
        blocks.add(Paragraph.of("Who does depend on your work? Type customers to name them."));
        blocks.add(Buttons.of(Button.of("Change", new Action(SurveyActions.CHANGE, EdgeRef.of(disputed).encode()))));
        return new Message(answer.plainText(), blocks);
    }

    /**
     * Checks a button value or form state against the graph: the actor is one end, the other end named the edge and
     * it is still the version asked about.
     */
    private Check check(Actor actor, String value) {
        Optional<EdgeRef> parsed = EdgeRef.parse(value);
        if (parsed.isEmpty()) {
            throw new Refusal("that button does not name a handoff I know");
        }
        EdgeRef ref = parsed.get();
        Side mySide;
        if (ref.upstream().equals(actor.person())) {
            mySide = Side.UPSTREAM;
        } else if (ref.downstream().equals(actor.person())) {
            mySide = Side.DOWNSTREAM;
        } else {
            throw new Refusal("that question was meant for someone else");
        }
        Optional<Handoff> edge = graph.handoff(actor.tenant(), ref.upstream(), ref.downstream());
        if (edge.isEmpty() || !ref.isVersionOf(edge.get())
                || !(isAskedOf(edge.get(), mySide) || edge.get().status() == EdgeStatus.CONFIRMED)) {
            return new Instead(current(actor, ref));
        }
        Optional<Person> claimant = graph.person(actor.tenant(), edge.get().end(mySide.other()));
        if (claimant.isEmpty()) {
            return new Instead(current(actor, ref));
        }
        return new Asked(ref, mySide, edge.get(), claimant.get());
    }

    /** Whether the edge waits for an answer from {@code side}: only the other side names it (or {@code side} disputed it). */
    private static boolean isAskedOf(Handoff edge, Side side) {
        return edge.claimedBy() == ClaimedBy.of(side.other());
    }

    /** What to say when the question asked about is not the edge as it is now. */
    private Message current(Actor actor, EdgeRef ref) {
        TenantId tenant = actor.tenant();
        Side mySide = ref.upstream().equals(actor.person()) ? Side.UPSTREAM : Side.DOWNSTREAM;
        PersonId otherId = ref.upstream().equals(actor.person()) ? ref.downstream() : ref.upstream();
        Optional<Person> other = graph.person(tenant, otherId);
        String name = other.map(Person::displayName).orElse("Your colleague");
        Optional<Handoff> edge = graph.handoff(tenant, ref.upstream(), ref.downstream());
        if (edge.isEmpty() || other.isEmpty()) {
            Paragraph gone = Paragraph.builder().plain("That handoff is no longer there: ").strong(name)
                    .plain(" may have changed their answers.").build();
            return new Message(gone.plainText(), List.of(gone,
                    Paragraph.of("Nothing to do here. Type customers to review your own handoffs.")));
        }
        Handoff now = edge.get();
        if (now.status() == EdgeStatus.CONFIRMED) {
            Paragraph done = Paragraph.builder().plain("Already confirmed: ").strong(now.what())
                    .plain(" between you and ").strong(name).plain(". Thanks!").build();
            return new Message(done.plainText(), List.of(done, Paragraph.of("Type map to see all your handoffs.")));
        }
        if (isAskedOf(now, mySide)) {
            Paragraph changed = Paragraph.builder().strong(name)
                    .plain(" changed this handoff since they asked. Here it is as it stands now:").build();
            List<io.handoff.chat.Block> blocks = new java.util.ArrayList<>(List.of(changed));
            Person claimant = other.get();
            blocks.addAll(Asks.questionBlocks(now, claimant, Optional.empty()));
            return new Message(changed.plainText(), blocks);
        }
        Paragraph yours = Paragraph.builder().plain("You named this handoff yourself; it is waiting for ").strong(name)
                .plain(".").build();
        return new Message(yours.plainText(), List.of(yours, Paragraph.of("Type customers to change your answers.")));
    }
}
