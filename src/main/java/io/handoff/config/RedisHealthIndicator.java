package io.handoff.config;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import redis.clients.jedis.UnifiedJedis;

/** Reports whether Redis, the system of record, answers a PING, and how fast. */
class RedisHealthIndicator implements HealthIndicator {
    private final UnifiedJedis redis;
    private final boolean embedded;

    RedisHealthIndicator(UnifiedJedis redis, boolean embedded) {
        this.redis = redis;
        this.embedded = embedded;
    }

    @Override
    public Health health() {
        long started = System.nanoTime();
        try {
            String reply = redis.ping();
            long micros = (System.nanoTime() - started) / 1_000;
            return ("PONG".equals(reply) ? Health.up() : Health.down().withDetail("reply", reply))
                    .withDetail("embedded", embedded).withDetail("pingMicros", micros).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("embedded", embedded).withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
