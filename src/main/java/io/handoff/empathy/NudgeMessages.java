package io.handoff.empathy;

import java.util.List;

import io.handoff.chat.Action;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;
import io.handoff.friction.ShownAggregate;
import io.handoff.friction.Trend;
import io.handoff.graph.Handoff;
import io.handoff.graph.Names;
import io.handoff.graph.Person;

/** The words of the signal nudges and of the question whether to pause. */
final class NudgeMessages {
    static final String STILL = "empathy.still";
    static final String GONE = "empathy.gone";
    static final String PAUSE = "empathy.pause";
    static final String KEEP = "empathy.keep";

    private NudgeMessages() {
    }

    public static Message frictionFell(String downstreamTeam, ShownAggregate aggregate, Trend trend, String period) {
        String text = downstreamTeam + " rated your " + (aggregate.label().isBlank() ? "handoffs" : aggregate.label())
                + " lower in " + period + ": " + aggregate.meanText() + " from " + aggregate.answers() + " answers, "
                + trend.spoken() + ". A conversation, or a shift shadowed at their end, may show why.";
        return new Message(text, List.of(Paragraph.of(text)));
    }

    public static Message newCustomer(Person joiner, Handoff edge) {
        String text = joiner.displayName() + " is new and depends on your " + edge.what()
                + ". Say hello, and ask what a good day looks like at their end.";
        return new Message(text, List.of(Paragraph.of(text)));
    }

    public static String newSupplier(Person joiner) {
        return joiner.displayName() + " is new to handing you this.";
    }

    public static String blocking(Person upstream) {
        return "This handoff from " + Names.first(upstream) + " is marked as blocking your work.";
    }

    public static String criticalWithoutStory(Person upstream) {
        return "You said your day depends on this handoff from " + Names.first(upstream)
                + ", and nobody has told them yet what that is like.";
    }

    public static Message stale(Person upstream, Handoff edge) {
        String text = "Is this still true? " + upstream.displayName() + " hands you " + edge.what()
                + " (last confirmed " + edge.lastKnownTrue().toString().substring(0, 10) + ").";
        String ref = edge.upstream().value() + ">" + edge.downstream().value();
        return new Message(text, List.of(Paragraph.of(text), Buttons.of(
                Button.primary("Still true", new Action(STILL, ref)),
                Button.of("Not any more", new Action(GONE, ref)))));
    }

    public static Message pauseQuestion() {
        String text = "I have asked you a few things lately without an answer. Shall I pause for a while?";
        return new Message(text, List.of(Paragraph.of(text),
                Paragraph.of("Either way, I won't ask again until you answer something."),
                Buttons.of(Button.primary("Pause for 4 weeks", new Action(PAUSE, "28")),
                        Button.of("Keep asking", new Action(KEEP, "")))));
    }
}
