package io.handoff.teams;

import java.time.Clock;
import java.util.Map;

import io.handoff.graph.Platform;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import redis.clients.jedis.UnifiedJedis;

/**
 * Records that a person just used Handoff in Teams: {@code handoff:{tenant}:prefs:<person>} fields
 * {@code last-platform} = {@code teams} and {@code last-platform-at} (epoch seconds). The outbox reads it to send each
 * person's messages to the platform where they answered last (unless they chose one).
 */
final class LastPlatform {
    private final UnifiedJedis redis;
    private final Clock clock;

    LastPlatform(UnifiedJedis redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    static String key(TenantId tenant, PersonId person) {
        return "handoff:{" + tenant.value() + "}:prefs:" + person.value();
    }

    void forget(TenantId tenant, PersonId person) {
        redis.del(key(tenant, person));
    }

    void touched(TenantId tenant, PersonId person) {
        redis.hset(key(tenant, person), Map.of("last-platform", Platform.TEAMS.code(),
                "last-platform-at", Long.toString(clock.instant().getEpochSecond())));
    }
}
