package io.handoff.delivery;

import java.util.List;
import java.util.Locale;

import io.handoff.graph.Platform;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Outbox counters: {@code handoff.outbox.sent} (by platform), {@code .retried} (by reason: {@code rate-limited}, the
 * platform's 429, or {@code failed}), {@code .dead_lettered}, {@code .deferred} and {@code .dropped} (by reason, one of
 * {@link #REASONS}: the decision log keeps the reason in words, with its figures; a metric tag must come from a short
 * fixed list, or every "the last went 23 min ago" would make a new time series). Every series exists from the start,
 * at zero, so dashboards and alerts never query a metric that is missing.
 */
public final class DeliveryMetrics {
    /** The reasons a message is deferred or dropped, as metric tags. */
    static final List<String> REASONS = List.of("paced", "weekly-cap", "quiet-hours", "out-of-office", "paused",
            "person-gone", "nudges-off", "other");
    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Platform platform : Platform.values()) {
            sentCounter(platform);
        }
        retriedCounter("rate-limited");
        retriedCounter("failed");
        deadLetteredCounter();
        for (String reason : REASONS) {
            deferredCounter(reason);
            droppedCounter(reason);
        }
    }

    /** The metric tag for a decision's reason in words. */
    static String reasonTag(String reason) {
        String words = reason.toLowerCase(Locale.ROOT);
        if (words.startsWith("paced")) {
            return "paced";
        }
        if (words.startsWith("nudges are off")) {
            return "nudges-off";
        }
        if (words.startsWith("weekly cap")) {
            return "weekly-cap";
        }
        for (String known : List.of("quiet hours", "out of office", "paused", "person gone")) {
            if (words.startsWith(known)) {
                return known.replace(' ', '-');
            }
        }
        return "other";
    }

    void sent(Platform platform) {
        sentCounter(platform).increment();
    }

    /** A send that will be tried again: {@code reason} is rate-limited (the platform's 429) or failed. */
    void retried(String reason) {
        retriedCounter(reason).increment();
    }

    void deadLettered() {
        deadLetteredCounter().increment();
    }

    /** A message put off; {@code reason} in words, as the decision log has it. */
    void deferred(String reason) {
        deferredCounter(reasonTag(reason)).increment();
    }

    /** A message dropped; {@code reason} in words, as the decision log has it. */
    void dropped(String reason) {
        droppedCounter(reasonTag(reason)).increment();
    }

    private Counter sentCounter(Platform platform) {
        return Counter.builder("handoff.outbox.sent").description("messages the platforms accepted")
                .tag("platform", platform.code()).register(registry);
    }

    private Counter retriedCounter(String reason) {
        return Counter.builder("handoff.outbox.retried").description("sends to be tried again")
                .tag("reason", reason).register(registry);
    }

    private Counter deadLetteredCounter() {
        return Counter.builder("handoff.outbox.dead_lettered").description("messages given up after their last failure")
                .register(registry);
    }

    private Counter deferredCounter(String tag) {
        return Counter.builder("handoff.outbox.deferred").description("messages put off by the delivery rules")
                .tag("reason", tag).register(registry);
    }

    private Counter droppedCounter(String tag) {
        return Counter.builder("handoff.outbox.dropped").description("messages the delivery rules dropped")
                .tag("reason", tag).register(registry);
    }

    public double count(String name) {
        return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }
}
