package io.handoff.friction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.handoff.chat.Action;
import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Field;
import io.handoff.chat.Form;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;
import io.handoff.graph.Handoff;
import io.handoff.graph.Names;
import io.handoff.graph.Person;

/**
 * The words of the friction polls. Suppliers are named in full with what they hand over: someone with five suppliers
 * called Sam must be able to tell the five questions apart.
 */
final class FrictionMessages {
    static final String RATE = "friction.rate";
    static final String WHY = "friction.why";
    static final String FORM = "friction.answer";

    private FrictionMessages() {
    }

    /** The plain line every prompt ends with: who will see the answer. */
    public static String audience(Person upstream, AnonymityPolicy policy) {
        return Names.possessive(upstream.displayName().strip()) + " team sees only totals of at least "
                + policy.minRespondents() + " answers; comments only once " + policy.minCommentRespondents()
                + " people have commented; never your name.";
    }

    public static String question(Person upstream, Handoff edge, Period period) {
        return "How well did " + Names.possessive(upstream.displayName().strip()) + " " + edge.what()
                + " serve you " + period.spoken() + "?";
    }

    public static Message poll(Person upstream, Handoff edge, Period period, AnonymityPolicy policy) {
        List<Button> scores = new ArrayList<>();
        for (int score = 1; score <= 5; score++) {
            scores.add(Button.of(score + (score == 1 ? " (got in the way)" : score == 5 ? " (very well)" : ""),
                    new Action(RATE, edge.upstream().value() + ":" + score)));
        }
        List<Block> blocks = List.of(
                Paragraph.builder().plain("How well did " + Names.possessive(upstream.displayName().strip()) + " ")
                        .strong(edge.what()).plain(" serve you " + period.spoken() + "?").build(),
                Buttons.scale("Your score, 1 to 5", scores),
                Buttons.of(Button.of("Answer with what got in the way", new Action(WHY, edge.upstream().value()))),
                Paragraph.of(audience(upstream, policy)));
        return new Message(question(upstream, edge, period), blocks);
    }

    public static Form answerForm(Person upstream, Handoff edge, Period period, AnonymityPolicy policy,
                                  Optional<FrictionAnswer> current) {
        List<Field.Option> options = new ArrayList<>();
        for (int score = 1; score <= 5; score++) {
            options.add(new Field.Option(Integer.toString(score), Integer.toString(score)));
        }
        return new Form(FORM, "How did it go?", "Send", edge.upstream().value(), List.of(
                new Field.Note("question", Paragraph.of(question(upstream, edge, period))),
                new Field.Choice("score", "1 (got in the way) to 5 (served me very well)", false, options,
                        current.map(a -> Integer.toString(a.score())).orElse(null), "Choose a score",
                        "Choose a score from 1 to 5"),
                new Field.TextInput("comment", "What got in the way?", true, FrictionAnswer.MAX_COMMENT, true,
                        current.map(FrictionAnswer::comment).orElse(null), "Optional. Shown without your name."),
                new Field.Note("audience", Paragraph.of(audience(upstream, policy)))));
    }

    public static Message thanks(Person upstream, Handoff edge, int score, boolean withComment) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of("Thanks: " + score + " for " + Names.possessive(upstream.displayName().strip()) + " "
                + edge.what() + "." + (withComment ? " Your comment is saved too." : "")));
        if (!withComment) {
            blocks.add(Buttons.of(Button.of("Add what got in the way", new Action(WHY, edge.upstream().value()))));
        }
        return new Message("Thanks: " + score + " recorded", blocks);
    }
}
