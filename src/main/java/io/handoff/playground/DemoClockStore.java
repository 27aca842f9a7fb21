package io.handoff.playground;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.demo.DemoStory;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import redis.clients.jedis.UnifiedJedis;

/**
 * Where demo time lives beside the demo data: {@code handoff:{depot}:playground:clock-offset} and the same under
 * {@code {ward}}, the milliseconds demo time runs ahead of real time. The two stories share one demo clock (it is the
 * application's clock); each move is written beside both stories' data, and at start the clock goes on from the
 * furthest of them (and of the single {@code demo} tenant of earlier versions), so demo time after a restart is at
 * least the demo time any demo data was made in; wiping a story's data wipes its copy with it.
 */
final class DemoClockStore {
    private static final Logger log = LoggerFactory.getLogger(DemoClockStore.class);
    private static final TenantId EARLIER_DEMO = TenantId.of("demo");

    private final UnifiedJedis redis;

    DemoClockStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    static String key(TenantId tenant) {
        return TenantKeys.key(tenant, "playground:clock-offset");
    }

    Duration offset() {
        Duration furthest = Duration.ZERO;
        for (TenantId tenant : tenants(true)) {
            Duration offset = offset(tenant);
            if (offset.compareTo(furthest) > 0) {
                furthest = offset;
            }
        }
        return furthest;
    }

    private Duration offset(TenantId tenant) {
        String stored = redis.get(key(tenant));
        if (stored == null) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofMillis(Math.max(0, Long.parseLong(stored.strip())));
        } catch (NumberFormatException e) {
            log.warn("Demo clock offset '{}' of {} is unreadable; it is left out", stored, tenant);
            return Duration.ZERO;
        }
    }

    void save(long offsetMillis) {
        for (TenantId tenant : tenants(false)) {
            redis.set(key(tenant), Long.toString(offsetMillis));
        }
    }

    private static List<TenantId> tenants(boolean withEarlier) {
        List<TenantId> tenants = new ArrayList<>(Arrays.stream(DemoStory.values()).map(DemoStory::tenant).toList());
        if (withEarlier) {
            tenants.add(EARLIER_DEMO);
        }
        return tenants;
    }
}
