package io.handoff.empathy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.handoff.chat.Action;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.conversation.ConversationFeature;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.Identifier;
import io.handoff.graph.PersonId;
import io.handoff.graph.Side;
import io.handoff.nudge.Engagement;
import io.handoff.survey.PreferencesStore;

/**
 * The answers to Handoff's own nudges (prefix {@code empathy.}): "still true" / "not any more" for a stale handoff,
 * and "pause" / "keep asking" after unanswered prompts. Pausing writes the survey's per-person pause, which the
 * delivery rules honour.
 */
final class NudgeAnswersFeature implements ConversationFeature {
    static final Duration MAX_PAUSE = Duration.ofDays(26 * 7);

    private final GraphStore graph;
    private final Engagement engagement;
    private final PreferencesStore preferences;
    private final Clock clock;

    public NudgeAnswersFeature(GraphStore graph, Engagement engagement, PreferencesStore preferences, Clock clock) {
        this.graph = Objects.requireNonNull(graph);
        this.engagement = Objects.requireNonNull(engagement);
        this.preferences = Objects.requireNonNull(preferences);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public String prefix() {
        return "empathy.";
    }

    @Override
    public List<CommandHelp> commands() {
        return List.of();
    }

    @Override
    public Outcome onButton(Interaction.ButtonPressed pressed) {
        var actor = pressed.actor();
        Action action = pressed.action();
        engagement.answered(actor.tenant(), actor.person());
        switch (action.id()) {
            case NudgeMessages.PAUSE -> {
                int days;
                try {
                    days = Integer.parseInt(action.value());
                } catch (NumberFormatException e) {
                    days = 28;
                }
                Duration length = Duration.ofDays(Math.max(1, Math.min(days, MAX_PAUSE.toDays())));
                Instant now = clock.instant();
                preferences.pauseUntil(actor.tenant(), actor.person(), now.plus(length), now);
                return new Outcome(new Reply.Show(Message.text("Paused for " + length.toDays()
                        + " days. Type resume whenever you want me back.")), List.of(), true);
            }
            case NudgeMessages.KEEP -> {
                return Outcome.show(Message.text("Good, I'll keep asking now and then."));
            }
            case NudgeMessages.STILL, NudgeMessages.GONE -> {
                String[] ends = action.value().split(">", -1);
                if (ends.length != 2 || !Identifier.isValid(ends[0]) || !Identifier.isValid(ends[1])) {
                    return Outcome.show(Message.text("That button could not be read."));
                }
                PersonId up = PersonId.of(ends[0]);
                PersonId down = PersonId.of(ends[1]);
                Side side = actor.person().equals(down) ? Side.DOWNSTREAM
                        : actor.person().equals(up) ? Side.UPSTREAM : null;
                if (side == null || graph.handoff(actor.tenant(), up, down).isEmpty()) {
                    return Outcome.show(Message.text("That handoff is no longer on your map."));
                }
                Handoff edge;
                try {
                    edge = action.id().equals(NudgeMessages.STILL)
                            ? graph.confirm(actor.tenant(), up, down, side, clock.instant())
                            : graph.dispute(actor.tenant(), up, down, side, clock.instant());
                } catch (IllegalStateException e) {
                    return Outcome.show(Message.text("That handoff is disputed; the other side confirms it."));
                }
                return new Outcome(new Reply.Show(Message.text(action.id().equals(NudgeMessages.STILL)
                        ? "Thanks, confirmed: " + edge.what() + "."
                        : "Thanks, marked as no longer true: " + edge.what() + ".")), List.of(), true);
            }
            default -> {
                return Outcome.show(Message.text("That button is no longer in use."));
            }
        }
    }
}
