package io.handoff.journey;

import java.util.Objects;

import io.handoff.graph.Text;
import io.handoff.graph.Refusal;

/**
 * What customers said or did at one touchpoint in one period: a named metric (CSAT, NPS, complaints, on-time %,
 * anything), its value, how many customers it is over, and which direction is better.
 */
public record CustomerSignal(TouchpointId touchpoint, SignalPeriod period, String metric, double value,
                             long sampleSize, Better better) {
    public static final int MAX_METRIC = 60;
    public static final long MAX_SAMPLE = 1_000_000_000L;

    public CustomerSignal {
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(period, "period");
        metric = Text.require("metric", metric, MAX_METRIC);
        if (!Double.isFinite(value) || Math.abs(value) > 1e12) {
            throw new Refusal("value must be a number");
        }
        if (sampleSize < 1 || sampleSize > MAX_SAMPLE) {
            throw new Refusal("sample size must be a whole number from 1 to " + MAX_SAMPLE);
        }
        Objects.requireNonNull(better, "better");
    }

    /** What identifies the signal: a re-import of the same touchpoint, period and metric replaces it. */
    public String slot() {
        return touchpoint.value() + "|" + period.id() + "|" + metric;
    }
}
