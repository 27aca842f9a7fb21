package io.handoff.scheduler;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter": the n-th failure waits between half and all of
 * {@code min(max, base * 2^(n-1))}, so retries of many jobs that failed together spread out.
 */
record Backoff(Duration base, Duration max) {
    public Backoff {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= max");
        }
    }

    public Duration delay(int failures) {
        int exponent = Math.max(0, Math.min(failures - 1, 30));
        long ceiling = Math.min(max.toMillis(), base.toMillis() << exponent);
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }
}
