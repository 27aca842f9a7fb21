package io.handoff.friction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.handoff.chat.Action;
import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Heading;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Reply;
import io.handoff.conversation.ConversationFeature;
import io.handoff.graph.Handoff;
import io.handoff.graph.Identifier;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;

/**
 * The friction polls in the conversation: rating a handoff with a button, answering with a comment in a form, the
 * {@code rate} command listing what is still to rate, and a home section with the person's own handoffs as their
 * customers rated them last period (only aggregates the anonymity policy allowed).
 */
final class FrictionFeature implements ConversationFeature {
    static final String LIST = "friction.list";

    private final FrictionService friction;

    public FrictionFeature(FrictionService friction) {
        this.friction = Objects.requireNonNull(friction);
    }

    @Override
    public String prefix() {
        return "friction.";
    }

    @Override
    public List<CommandHelp> commands() {
        return List.of(new CommandHelp("rate", "rate",
                "rate how well your suppliers' handoffs served you this period"));
    }

    @Override
    public Outcome onCommand(Actor actor, String word, String args) {
        return pending(actor);
    }

    @Override
    public Outcome onButton(Interaction.ButtonPressed pressed) {
        Actor actor = pressed.actor();
        Action action = pressed.action();
        try {
            return switch (action.id()) {
                case FrictionMessages.RATE -> rate(actor, action.value());
                case FrictionMessages.WHY -> openForm(actor, upstream(action.value()));
                case LIST -> pending(actor);
                default -> Outcome.show(Message.text("That button is no longer in use."));
            };
        } catch (NotYourHandoffException | Refusal e) {
            return Outcome.show(Message.text(e.getMessage()));
        }
    }

    @Override
    public Outcome onForm(Interaction.FormSubmitted submitted) {
        if (!FrictionMessages.FORM.equals(submitted.formId())) {
            return Outcome.reply(new Reply.FormErrors(Map.of("score", "This form is no longer in use.")));
        }
        Actor actor = submitted.actor();
        int score;
        try {
            score = FrictionAnswer.requireScore(Integer.parseInt(submitted.first("score")));
        } catch (IllegalArgumentException e) {
            return Outcome.reply(new Reply.FormErrors(Map.of("score", "Pick a score from 1 to 5.")));
        }
        String comment = submitted.first("comment");
        if (comment.length() > FrictionAnswer.MAX_COMMENT) {
            return Outcome.reply(new Reply.FormErrors(Map.of("comment",
                    "Please keep it under " + FrictionAnswer.MAX_COMMENT + " characters.")));
        }
        try {
            PersonId up = upstream(submitted.state());
            FrictionAnswer answer = friction.answer(actor.tenant(), actor.person(), up, score, comment);
            Person upstream = friction.person(actor.tenant(), up);
            Handoff edge = friction.rateable(actor.tenant(), up, actor.person());
            return new Outcome(new Reply.CloseForm(FrictionMessages.thanks(upstream, edge, score, answer.hasComment())),
                    List.of(), true);
        } catch (NotYourHandoffException | Refusal e) {
            return Outcome.reply(new Reply.CloseForm(Message.text(e.getMessage())));
        }
    }

    @Override
    public List<Block> homeSection(Actor actor) {
        List<Block> blocks = new ArrayList<>();
        int toRate = friction.polls(actor.tenant(), actor.person()).size();
        Period last = friction.currentPeriod(actor.tenant()).previous();
        List<ShownAggregate> mine = friction.store().shown(actor.tenant(), last).values().stream()
                .filter(a -> a.scope() instanceof Scope.PersonToTeam p && p.upstream().equals(actor.person()))
                .toList();
        if (toRate == 0 && mine.isEmpty()) {
            return blocks;
        }
        blocks.add(new Heading("Friction"));
        if (toRate > 0) {
            blocks.add(Paragraph.of(toRate + (toRate == 1 ? " handoff" : " handoffs") + " to rate "
                    + friction.currentPeriod(actor.tenant()).spoken() + "."));
            blocks.add(Buttons.of(Button.primary("Rate now", new Action(LIST, ""))));
        }
        for (ShownAggregate aggregate : mine) {
            blocks.add(Paragraph.of("Your " + (aggregate.label().isBlank() ? "handoffs" : aggregate.label())
                    + " for " + friction.teamName(actor.tenant(), aggregate.scope().downstreamTeam())
                    + " in " + last.label() + ": "
                    + aggregate.meanText() + " from " + aggregate.answers() + " answers."));
        }
        return blocks;
    }

    private Outcome rate(Actor actor, String value) {
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw new Refusal("That rating could not be read; please use the poll's buttons.");
        }
        PersonId up = upstream(value.substring(0, colon));
        int score = FrictionAnswer.requireScore(Integer.parseInt(value.substring(colon + 1)));
        FrictionAnswer answer = friction.answer(actor.tenant(), actor.person(), up, score, null);
        Person upstream = friction.person(actor.tenant(), up);
        Handoff edge = friction.rateable(actor.tenant(), up, actor.person());
        return new Outcome(new Reply.Show(FrictionMessages.thanks(upstream, edge, score, answer.hasComment())),
                List.of(), true);
    }

    private Outcome openForm(Actor actor, PersonId up) {
        Handoff edge = friction.rateable(actor.tenant(), up, actor.person());
        Person upstream = friction.person(actor.tenant(), up);
        Period period = friction.currentPeriod(actor.tenant());
        Optional<FrictionAnswer> current = friction.store().answer(actor.tenant(), period, up, actor.person());
        return Outcome.reply(new Reply.OpenForm(FrictionMessages.answerForm(upstream, edge, period,
                friction.settings(actor.tenant()).policy(), current)));
    }

    private Outcome pending(Actor actor) {
        List<io.handoff.chat.Notification> polls = friction.polls(actor.tenant(), actor.person());
        if (polls.isEmpty()) {
            return Outcome.show(Message.text("Nothing to rate " + friction.currentPeriod(actor.tenant()).spoken()
                    + ": every confirmed handoff to you has its answer."));
        }
        List<Block> blocks = new ArrayList<>();
        polls.forEach(poll -> blocks.addAll(poll.message().blocks()));
        return Outcome.show(new Message(polls.size() + " handoffs to rate", blocks));
    }

    private static PersonId upstream(String value) {
        if (!Identifier.isValid(value)) {
            throw new Refusal("That handoff could not be read; please use the poll's buttons.");
        }
        return PersonId.of(value);
    }
}
