package io.handoff.config;

import java.util.function.Supplier;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;

import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Spring Boot's availability states follow the embedded redis-server: readiness refuses traffic while it is away and
 * accepts it again when the restarted server answers; liveness turns BROKEN when restarts keep failing or the
 * restarted server keeps dying (and CORRECT once a restarted server has stayed up). After a restart the idle pooled
 * connections, all to the dead server, are dropped so the next commands open fresh ones instead of failing once each.
 */
final class RedisAvailability implements EmbeddedRedisListener {
    private final ApplicationEventPublisher events;
    private final Supplier<UnifiedJedis> client;
    private volatile boolean broken;

    RedisAvailability(ApplicationEventPublisher events, Supplier<UnifiedJedis> client) {
        this.events = events;
        this.client = client;
    }

    @Override
    public void down() {
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
    }

    @Override
    public void up() {
        if (client.get() instanceof RedisClient pooled) {
            pooled.getPool().clear();
        }
        AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Override
    public void stable() {
        if (broken) {
            broken = false;
            AvailabilityChangeEvent.publish(events, this, LivenessState.CORRECT);
        }
    }

    @Override
    public void gaveUp(int failures) {
        if (!broken) {
            broken = true;
            AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
        }
    }
}
