package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.handoff.map.FrictionAggregate;

/** "Fell" on hand-made signals: the latest 3 periods against the 3 before, in the better direction, by a threshold. */
class SignalFallsTest {
    private static final TouchpointId DELIVERED = TouchpointId.of("delivered");

    /** Weekly values of one metric from 2026-W01 on. */
    private static List<CustomerSignal> series(String metric, Better better, double... values) {
        List<CustomerSignal> signals = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            signals.add(new CustomerSignal(DELIVERED, SignalPeriod.parse(String.format("2026-W%02d", i + 1)), metric,
                    values[i], 100, better));
        }
        return signals;
    }

    @Test
    void exactlyTheThresholdIsAFallAndJustBelowIsNot() {
        List<SignalFalls.Fall> at = SignalFalls.falls(series("on-time %", Better.HIGHER, 100, 100, 100, 95, 95, 95), 5);
        List<SignalFalls.Fall> below = SignalFalls.falls(series("on-time %", Better.HIGHER,
                100, 100, 100, 95.1, 95, 95), 5);

        assertThat(at).singleElement().satisfies(f -> {
            assertThat(f.earlierMean()).isEqualTo(100);
            assertThat(f.latestMean()).isEqualTo(95);
            assertThat(f.worsePercent()).isEqualTo(5.0);
            assertThat(f.describe()).isEqualTo("on-time % 95 in the weeks of 19 Jan to 2 Feb, down from 100 in "
                    + "the weeks of 29 Dec to 12 Jan (5.0% worse)");
        });
        assertThat(below).isEmpty();
    }

    @Test
    void fewerThanSixPeriodsGiveNoVerdict() {
        assertThat(SignalFalls.falls(series("CSAT", Better.HIGHER, 5, 5, 1, 1, 1), 5)).isEmpty();
        assertThat(SignalFalls.falls(series("CSAT", Better.HIGHER, 5, 5, 5, 1, 1, 1), 5)).hasSize(1);
    }

    @Test
    void forALowerIsBetterMetricARiseIsTheFallAndADropIsNot() {
        List<SignalFalls.Fall> rose = SignalFalls.falls(series("complaints", Better.LOWER, 10, 10, 10, 11, 11, 11), 10);

        assertThat(rose).singleElement().satisfies(f -> assertThat(f.describe()).isEqualTo("complaints 11 in the weeks of "
                + "19 Jan to 2 Feb, up from 10 in the weeks of 29 Dec to 12 Jan (10.0% worse)"));
        assertThat(SignalFalls.falls(series("complaints", Better.LOWER, 10, 10, 10, 5, 5, 5), 1)).isEmpty();
        assertThat(SignalFalls.falls(series("CSAT", Better.HIGHER, 3, 3, 3, 4, 4, 4), 1)).isEmpty();
    }

    @Test
    void fromAZeroBaselineAnyWorseningCountsAndNoChangeDoesNot() {
        assertThat(SignalFalls.falls(series("complaints", Better.LOWER, 0, 0, 0, 1, 0, 0), 100)).singleElement()
                .satisfies(f -> assertThat(f.worsePercent()).isEqualTo(100));
        assertThat(SignalFalls.falls(series("complaints", Better.LOWER, 0, 0, 0, 0, 0, 0), 1)).isEmpty();
    }

    @Test
    void onlyTheLatestSixPeriodsCountAndEachMetricIsItsOwnSeriesWhateverTheOrder() {
        List<CustomerSignal> signals = new ArrayList<>(series("CSAT", Better.HIGHER, 1, 1, 1, 4, 4, 4, 4, 4, 4));
        signals.addAll(series("NPS", Better.HIGHER, 40, 40, 40, 30, 30, 30));
        java.util.Collections.reverse(signals);

        List<SignalFalls.Fall> falls = SignalFalls.falls(signals, 5);

        assertThat(falls).singleElement().satisfies(f -> {
            assertThat(f.metric()).isEqualTo("NPS");
            assertThat(f.latestPeriod().id()).isEqualTo("2026-W06");
            assertThat(f.worsePercent()).isEqualTo(25.0);
        });
    }

    @Test
    void frictionRoseNeedsSixPeriodsAndARiseOfATenthOrMore() {
        assertThat(SignalFalls.frictionRose(friction(0.2, 0.2, 0.2, 0.3, 0.3, 0.3))).isTrue();
        assertThat(SignalFalls.frictionRose(friction(0.2, 0.2, 0.2, 0.29, 0.29, 0.29))).isFalse();
        assertThat(SignalFalls.frictionRose(friction(0.2, 0.2, 0.9, 0.9, 0.9))).isFalse();
        assertThat(SignalFalls.frictionRose(friction(0.6, 0.6, 0.6, 0.2, 0.2, 0.2))).isFalse();
    }

    private static FrictionAggregate friction(double... trend) {
        List<Double> values = new ArrayList<>();
        for (double v : trend) {
            values.add(v);
        }
        return new FrictionAggregate(trend[trend.length - 1], 3, values);
    }
}
