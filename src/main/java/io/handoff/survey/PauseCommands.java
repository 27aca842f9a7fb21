package io.handoff.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.handoff.chat.Action;
import io.handoff.chat.Actor;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Reply;
import io.handoff.graph.GraphStore;
import io.handoff.graph.ReaderTime;

/** {@code pause [N days|weeks]} (default two weeks, at most 26 weeks) and {@code resume}. */
final class PauseCommands {
    static final Duration DEFAULT = Duration.ofDays(14);
    static final Duration MAX = Duration.ofDays(26 * 7);
    private static final Pattern LENGTH = Pattern.compile("(?:for\\s+)?(\\d{1,4})\\s*(d|days?|w|weeks?)");

    private final GraphStore graph;
    private final PreferencesStore preferences;
    private final Clock clock;

    PauseCommands(GraphStore graph, PreferencesStore preferences, Clock clock) {
        this.graph = graph;
        this.preferences = preferences;
        this.clock = clock;
    }

    /** The pause asked for, or empty when the words are not a length of time. */
    static Optional<Duration> parse(String args) {
        String text = args.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return Optional.of(DEFAULT);
        }
        Matcher matcher = LENGTH.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(matcher.group(1));
        return Optional.of(Duration.ofDays(matcher.group(2).startsWith("w") ? n * 7 : n));
    }

    Outcome pause(Actor actor, String args) {
        Optional<Duration> length = parse(args);
        if (length.isEmpty() || length.get().isZero() || length.get().compareTo(MAX) > 0) {
            String why = length.isEmpty() || length.get().isZero()
                    ? "I can pause for a number of days or weeks."
                    : "I can pause for at most 26 weeks.";
            return Outcome.show(new Message(why, List.of(Paragraph.of(why),
                    Paragraph.of("Try: pause 3 days, or pause 2 weeks (just pause is two weeks)."))));
        }
        Instant now = clock.instant();
        Instant until = now.plus(length.get());
        preferences.pauseUntil(actor.tenant(), actor.person(), until, now);
        Paragraph paused = Paragraph.builder().plain("Paused until ")
                .strong(ReaderTime.of(until, graph, actor.tenant(), actor.person()))
                .plain(". I won't ask you anything or remind you until then.").build();
        return new Outcome(new Reply.Show(new Message(paused.plainText(), List.of(paused,
                Paragraph.of("Questions from colleagues wait in your Handoff home. Back earlier? Type resume."),
                Buttons.of(Button.of("Resume now", new Action(SurveyActions.RESUME, "")))))), List.of(), true);
    }

    Outcome resume(Actor actor, long waiting) {
        boolean wasPaused = preferences.resume(actor.tenant(), actor.person());
        String first = wasPaused ? "Welcome back! Questions and reminders are on again." : "You were not paused.";
        String next = waiting == 0 ? "Nothing waits for your answer. Type customers to review your handoffs."
                : (waiting == 1 ? "One question waits" : waiting + " questions wait") + " for your answer in your Handoff home.";
        return new Outcome(new Reply.Show(new Message(first, List.of(Paragraph.of(first), Paragraph.of(next)))),
                List.of(), true);
    }
}
