package io.handoff.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.handoff.chat.Action;
import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;
import io.handoff.graph.ClaimedBy;
import io.handoff.graph.Criticality;
import io.handoff.graph.CustomerMoments;
import io.handoff.graph.Handoff;
import io.handoff.graph.Person;
import io.handoff.graph.Side;

/**
 * The survey's messages to the colleagues people name: the question whether a handoff is right, and what happened
 * when it was confirmed or disputed. Names and what-is-handed-over are literal {@link io.handoff.chat.Span}s.
 */
final class Asks {
    private Asks() {
    }

    /** The question to the side that did not name the edge, with Confirm / Not really / Yes, and there's more. */
    static Message question(Handoff edge, Person claimant, Optional<String> claimantTeam) {
        return question(edge, claimant, claimantTeam, Optional.empty());
    }

    /**
     * The question, naming {@code moment} when there is one: the customer moment the downstream's work reaches (the
     * nearest or game-over one), so the handoff is seen as part of what the customer lives through.
     */
    static Message question(Handoff edge, Person claimant, Optional<String> claimantTeam,
                            Optional<CustomerMoments.Moment> moment) {
        List<Block> blocks = new ArrayList<>(questionBlocks(edge, claimant, claimantTeam));
        moment.ifPresent(m -> blocks.add(blocks.size() - 1, momentLine(edge, claimant, m)));
        String summary = edge.claimedBy() == ClaimedBy.UPSTREAM
                ? claimant.displayName() + " says you depend on their " + edge.what() + ". Is that right?"
                : claimant.displayName() + " depends on your " + edge.what() + ". Did you know?";
        return new Message(summary, blocks);
    }

    static List<Block> questionBlocks(Handoff edge, Person claimant, Optional<String> claimantTeam) {
        List<Block> blocks = new ArrayList<>();
        String name = claimant.displayName();
        String first = Words.firstName(claimant);
        if (edge.claimedBy() == ClaimedBy.UPSTREAM) {
            blocks.add(Paragraph.builder().strong(name).plain(" says you depend on their ").strong(edge.what())
                    .plain(" " + Words.often(edge.frequency()) + ", and that it is " + Words.weight(edge.criticality())
                            + " for you.").build());
            blocks.add(Paragraph.of("Is that right?"));
        } else {
            Paragraph.Builder who = Paragraph.builder().strong(name);
            claimantTeam.ifPresent(team -> who.plain(" from ").plain(team));
            blocks.add(who.plain(" counts on your ").strong(edge.what()).plain(", " + Words.often(edge.frequency()) + ".")
                    .build());
            blocks.add(Paragraph.builder().plain(first).plain(weightForDownstream(edge.criticality())).build());
            blocks.add(Paragraph.builder().plain("Did you know ").strong(first).plain(" depends on you?").build());
        }
        String ref = EdgeRef.of(edge).encode();
        blocks.add(Buttons.of(Button.primary("Confirm", new Action(SurveyActions.CONFIRM, ref)),
                Button.of("Not really", new Action(SurveyActions.DISPUTE, ref)),
                Button.of("Yes, and there's more", new Action(SurveyActions.MORE, ref))));
        return blocks;
    }

    /** {@code Through Dana, your work reaches customers at *Parcel delivered*, a game-over moment.} */
    static Paragraph momentLine(Handoff edge, Person claimant, CustomerMoments.Moment moment) {
        Paragraph.Builder line = Paragraph.builder();
        if (edge.claimedBy() == ClaimedBy.UPSTREAM) {
            line.plain("Your work reaches customers at ");
        } else {
            line.plain("Through " + Words.firstName(claimant) + ", your work reaches customers at ");
        }
        return line.strong(moment.touchpoint())
                .plain(moment.gameOver() ? ", a game-over moment for them." : ".").build();
    }

    private static String weightForDownstream(Criticality criticality) {
        return switch (criticality) {
            case CRITICAL -> " says it shapes their whole day: if it goes wrong, their day is lost.";
            case IMPORTANT -> " says it matters a lot for their work.";
            case ROUTINE -> " says it is part of their routine.";
        };
    }

    /** To the person who named the edge: the other side confirmed it. */
    static Message confirmed(Handoff edge, Person confirmer, Side confirmerSide) {
        Paragraph what = confirmerSide == Side.DOWNSTREAM
                ? Paragraph.builder().strong(confirmer.displayName()).plain(" confirmed: they depend on your ")
                        .strong(edge.what()).plain(".").build()
                : Paragraph.builder().strong(confirmer.displayName()).plain(" confirmed that they hand you ")
                        .strong(edge.what()).plain(". Now you both know.").build();
        String next = confirmerSide == Side.DOWNSTREAM ? "Type map to see everyone who depends on you."
                : "Type map to see everyone you depend on.";
        return new Message(what.plainText(), List.of(what, Paragraph.of(next)));
    }

    /** To the person who named the edge: the other side says it is not quite like that. */
    static Message disputed(Handoff edge, Person disputer, Side disputerSide, String reason) {
        List<Block> blocks = new ArrayList<>();
        Paragraph.Builder first = Paragraph.builder().strong(disputer.displayName())
                .plain(" doesn't see it quite that way: ");
        if (disputerSide == Side.DOWNSTREAM) {
            first.plain("they are not sure they depend on your ");
        } else {
            first.plain("they are not sure they hand you ");
        }
        Paragraph opening = first.strong(edge.what()).plain(".").build();
        blocks.add(opening);
        if (reason != null && !reason.isBlank()) {
            blocks.add(Paragraph.builder().plain("In their words: ").plain("“" + reason.strip() + "”").build());
        }
        blocks.add(Paragraph.of("Maybe worth a quick chat? You can change your answers any time."));
        blocks.add(SurveyActions.startButton("Review my answers"));
        return new Message(opening.plainText(), blocks);
    }
}
