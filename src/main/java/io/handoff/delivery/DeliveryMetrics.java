package io.handoff.delivery;

import io.handoff.graph.Platform;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Outbox counters: {@code handoff.outbox.sent}, {@code .retried}, {@code .dead_lettered}, {@code .deferred}, {@code .dropped}. */
public final class DeliveryMetrics {
    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void sent(Platform platform) {
        Counter.builder("handoff.outbox.sent").description("messages the platforms accepted")
                .tag("platform", platform.code()).register(registry).increment();
    }

    /** A send that will be tried again: {@code reason} is rate-limited (the platform's 429) or failed. */
    void retried(String reason) {
        Counter.builder("handoff.outbox.retried").description("sends to be tried again")
                .tag("reason", reason).register(registry).increment();
    }

    void deadLettered() {
        Counter.builder("handoff.outbox.dead_lettered").description("messages given up after their last failure")
                .register(registry).increment();
    }

    void deferred(String reason) {
        Counter.builder("handoff.outbox.deferred").description("messages put off by the delivery rules")
                .tag("reason", reason).register(registry).increment();
    }

    void dropped(String reason) {
        Counter.builder("handoff.outbox.dropped").description("messages the delivery rules dropped")
                .tag("reason", reason).register(registry).increment();
    }

    public double count(String name) {
        return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }
}
