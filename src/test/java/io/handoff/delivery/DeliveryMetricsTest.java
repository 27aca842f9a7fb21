package io.handoff.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The outbox's counters tag a deferral or a drop by the rule that decided, from a short fixed list, never by the
 * reason's words (which carry figures: "the last went 23 min ago"), so each rule is one time series however many
 * messages it holds back; and every series exists before anything was sent.
 */
class DeliveryMetricsTest {

    @Test
    void theDeliveryRulesReasonsInWordsBecomeOneTagPerRule() {
        assertThat(DeliveryMetrics.reasonTag("paced: one prompt message per 60 min (the last went 23 min ago), so this"
                + " waits for the next round")).isEqualTo("paced");
        assertThat(DeliveryMetrics.reasonTag("weekly cap of 3")).isEqualTo("weekly-cap");
        assertThat(DeliveryMetrics.reasonTag("nudges are off (weekly cap 0)")).isEqualTo("nudges-off");
        assertThat(DeliveryMetrics.reasonTag("quiet hours")).isEqualTo("quiet-hours");
        assertThat(DeliveryMetrics.reasonTag("out of office")).isEqualTo("out-of-office");
        assertThat(DeliveryMetrics.reasonTag("paused")).isEqualTo("paused");
        assertThat(DeliveryMetrics.reasonTag("person gone")).isEqualTo("person-gone");
        assertThat(DeliveryMetrics.reasonTag("something new")).isEqualTo("other");
    }

    @Test
    void reasonsWithDifferentFiguresCountInTheSameSeries() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DeliveryMetrics metrics = new DeliveryMetrics(registry);

        metrics.deferred("paced: one prompt message per 60 min (the last went 3 min ago), so this waits");
        metrics.deferred("paced: one prompt message per 60 min (the last went 41 min ago), so this waits");
        metrics.deferred("weekly cap of 3");
        metrics.dropped("paused");

        assertThat(registry.find("handoff.outbox.deferred").counters()).hasSize(DeliveryMetrics.REASONS.size());
        assertThat(registry.get("handoff.outbox.deferred").tag("reason", "paced").counter().count()).isEqualTo(2);
        assertThat(registry.get("handoff.outbox.deferred").tag("reason", "weekly-cap").counter().count()).isEqualTo(1);
        assertThat(registry.get("handoff.outbox.dropped").tag("reason", "paused").counter().count()).isEqualTo(1);
    }

    @Test
    void everySeriesExistsAtZeroBeforeTheFirstMessage() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new DeliveryMetrics(registry);

        assertThat(registry.get("handoff.outbox.sent").tag("platform", "teams").counter().count()).isZero();
        assertThat(registry.get("handoff.outbox.retried").tag("reason", "rate-limited").counter().count()).isZero();
        assertThat(registry.get("handoff.outbox.dead_lettered").counter().count()).isZero();
        assertThat(registry.find("handoff.outbox.dropped").counters()).extracting(Counter::count).containsOnly(0.0);
    }
}
