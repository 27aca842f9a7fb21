package io.handoff.playground;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.TenantKeys;
import redis.clients.jedis.UnifiedJedis;

/**
 * Where demo time lives beside the demo data: {@code handoff:{demo}:playground:clock-offset}, the milliseconds demo time
 * runs ahead of real time. Read once at start, written on every move, so demo time after a restart is at least the
 * demo time the data was made in; wiping the data wipes the offset with it.
 */
final class DemoClockStore {
    private static final Logger log = LoggerFactory.getLogger(DemoClockStore.class);

    private final UnifiedJedis redis;

    DemoClockStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    static String key() {
        return TenantKeys.key(SampleOrganisation.TENANT, "playground:clock-offset");
    }

    Duration offset() {
        String stored = redis.get(key());
        if (stored == null) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofMillis(Math.max(0, Long.parseLong(stored.strip())));
        } catch (NumberFormatException e) {
            log.warn("Demo clock offset '{}' is unreadable; demo time starts at real time", stored);
            return Duration.ZERO;
        }
    }

    void save(long offsetMillis) {
        redis.set(key(), Long.toString(offsetMillis));
    }
}
