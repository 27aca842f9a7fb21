package io.handoff.friction;

import java.time.Duration;
import java.util.Objects;

/**
 * A tenant's settings for friction and the empathy nudges: poll cadence, the anonymity thresholds and when an
 * unconfirmed handoff counts as stale.
 */
public record FrictionSettings(PollCadence cadence, AnonymityPolicy policy, Duration staleAfter) {
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofDays(182);

    public FrictionSettings {
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(policy, "policy");
        staleAfter = staleAfter == null ? DEFAULT_STALE_AFTER : staleAfter;
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("stale-after must be positive (was " + staleAfter + ")");
        }
    }

    public static FrictionSettings defaults() {
        return new FrictionSettings(PollCadence.WEEKLY, AnonymityPolicy.defaults(), DEFAULT_STALE_AFTER);
    }
}
