package io.handoff.config;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the embedded redis-server is supervised ({@code handoff.embedded-redis.*}).
 *
 * @param restartAttempts   failed restarts in a row after which liveness turns BROKEN, so that whatever supervises
 *                          the app (Kubernetes, systemd) restarts it; restarts go on at {@code maxRestartBackoff}
 * @param restartBackoff    wait before the first restart after the server died, doubled after each failed restart
 * @param maxRestartBackoff the longest wait between restarts
 * @param startTimeout      how long one start, replay of the append-only file included, may take
 * @param stopTimeout       how long a redis-server gets to flush and exit after SIGTERM before SIGKILL
 * @param stableAfter       how long a (re)started server must stay up before it counts as recovered: one that dies
 *                          sooner counts as a failed restart (a crash loop turns liveness BROKEN too), and liveness
 *                          turns CORRECT again only once a restarted server has stayed up this long
 */
public record EmbeddedRedisSettings(@DefaultValue("5") int restartAttempts,
                                    @DefaultValue("500ms") Duration restartBackoff,
                                    @DefaultValue("30s") Duration maxRestartBackoff,
                                    @DefaultValue("60s") Duration startTimeout,
                                    @DefaultValue("10s") Duration stopTimeout,
                                    @DefaultValue("30s") Duration stableAfter) {

    public EmbeddedRedisSettings {
        if (restartAttempts < 1) {
            throw new IllegalArgumentException("handoff.embedded-redis.restart-attempts must be at least 1");
        }
        if (restartBackoff.isNegative() || maxRestartBackoff.compareTo(restartBackoff) < 0) {
            throw new IllegalArgumentException(
                    "handoff.embedded-redis.restart-backoff must be between 0 and max-restart-backoff");
        }
        if (startTimeout.isNegative() || startTimeout.isZero() || stopTimeout.isNegative() || stopTimeout.isZero()
                || stableAfter.isNegative() || stableAfter.isZero()) {
            throw new IllegalArgumentException(
                    "handoff.embedded-redis start-timeout, stop-timeout and stable-after must be positive");
        }
    }

    public static EmbeddedRedisSettings defaults() {
        return new EmbeddedRedisSettings(5, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /** The wait before restart attempt {@code attempt} (1-based): the backoff doubled per failure, capped. */
    Duration backoffBefore(int attempt) {
        Duration wait = restartBackoff;
        for (int i = 1; i < attempt && wait.compareTo(maxRestartBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRestartBackoff) > 0 ? maxRestartBackoff : wait;
    }
}
