package io.handoff.chat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.handoff.graph.Platform;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The timer {@code handoff.acknowledgements}: how long a platform's request took from arriving to being answered
 * (Slack wants its answer within 3 s, Teams within 15 s), tagged {@code platform} and {@code result} ({@code handled}
 * or {@code refused}: a bad signature or token, a malformed body). It publishes a histogram so that a dashboard can
 * show the 99th percentile across replicas, and every platform's series exists from the start (at zero) so that
 * dashboards and alerts never look at a metric that is missing. The timers are registered once, at start: looking a
 * meter up by name and tags on every request (applying every meter filter again) was a measurable share of an
 * acknowledgement's time (issue 20).
 */
@Component
public class Acknowledgements {
    public static final String NAME = "handoff.acknowledgements";
    public static final String HANDLED = "handled";
    public static final String REFUSED = "refused";

    private final MeterRegistry meters;
    private final Map<Platform, Timer> handled = new EnumMap<>(Platform.class);
    private final Map<Platform, Timer> refused = new EnumMap<>(Platform.class);

    public Acknowledgements(MeterRegistry meters) {
        this.meters = meters;
        for (Platform platform : List.of(Platform.SLACK, Platform.TEAMS)) {
            handled.put(platform, timer(platform, HANDLED));
            refused.put(platform, timer(platform, REFUSED));
        }
    }

    /** Records a request of {@code platform} that arrived at {@code startedNanos} ({@link System#nanoTime()}). */
    public void record(Platform platform, String result, long startedNanos) {
        record(platform, result, startedNanos, System.nanoTime());
    }

    /** Records a request of {@code platform}, arrived at {@code startedNanos}, answered at {@code answeredNanos}. */
    public void record(Platform platform, String result, long startedNanos, long answeredNanos) {
        Timer timer = (HANDLED.equals(result) ? handled : REFUSED.equals(result) ? refused : Map.<Platform, Timer>of())
                .get(platform);
        (timer == null ? timer(platform, result) : timer).record(Duration.ofNanos(answeredNanos - startedNanos));
    }

    private Timer timer(Platform platform, String result) {
        return Timer.builder(NAME).description("time from a platform's request arriving to its answer")
                .tag("platform", platform.code()).tag("result", result)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(15)).register(meters);
    }
}
