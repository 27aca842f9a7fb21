package io.handoff.map;

import java.util.List;
import java.util.Objects;

/**
 * Friction along one handoff (or between two teams) as an aggregate only: never an individual answer.
 *
 * @param score       0 (smooth) to 1 (worst friction), the mean over the latest period
 * @param respondents how many people answered in that period
 * @param trend       the score per period, oldest first (the last entry is {@code score})
 */
public record FrictionAggregate(double score, int respondents, List<Double> trend) {
    public FrictionAggregate {
        if (Double.isNaN(score) || score < 0 || score > 1) {
            throw new IllegalArgumentException("friction score must be between 0 and 1 (was " + score + ")");
        }
        if (respondents < 0) {
            throw new IllegalArgumentException("respondents cannot be negative");
        }
        trend = List.copyOf(Objects.requireNonNullElse(trend, List.of()));
    }

    /** How much the score rose from the first period of the trend to now (positive: getting worse). */
    public double rise() {
        return trend.isEmpty() ? 0 : score - trend.get(0);
    }
}
