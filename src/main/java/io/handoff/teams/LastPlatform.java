package io.handoff.teams;

import java.time.Clock;
import java.util.Map;

import io.handoff.graph.Platform;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import redis.clients.jedis.UnifiedJedis;

/**
 * Records that a person just used Handoff in Teams: in the person's preferences hash
 * {@code handoff:{tenant}:prefs:<person>} (shared with the survey's pause), the fields
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

    static final String LAST_PLATFORM = "last-platform";
    static final String LAST_PLATFORM_AT = "last-platform-at";

    /** Removes only the adapter's fields: the hash is shared with the survey's preferences. */
    boolean forget(TenantId tenant, PersonId person) {
        return redis.hdel(key(tenant, person), LAST_PLATFORM, LAST_PLATFORM_AT) > 0;
    }

    java.util.Optional<String> last(TenantId tenant, PersonId person) {
        return java.util.Optional.ofNullable(redis.hget(key(tenant, person), LAST_PLATFORM));
    }

    void touched(TenantId tenant, PersonId person) {
        redis.hset(key(tenant, person), Map.of(LAST_PLATFORM, Platform.TEAMS.code(),
                LAST_PLATFORM_AT, Long.toString(clock.instant().getEpochSecond())));
    }
}
