package io.handoff.slack;

import java.time.Duration;

import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.redis.ClaimOnce;
import redis.clients.jedis.UnifiedJedis;

/**
 * Slack redelivers an event (up to three times, the last about five minutes later) when it thinks the ack was late.
 * The first delivery of an {@code event_id} claims {@code handoff:{tenant}:slack-event:<id>} with SET NX for an
 * hour; redeliveries find it taken and are only acknowledged.
 */
final class SlackEventDedup {
    static final long KEEP_SECONDS = 3600;

    private final ClaimOnce claims;

    SlackEventDedup(UnifiedJedis redis) {
        this.claims = new ClaimOnce(redis);
    }

    /** True for the first delivery of the event, false for every later one. */
    boolean firstDelivery(TenantId tenant, String eventId) {
        if (eventId == null || eventId.isBlank() || eventId.length() > 128) {
            return true;
        }
        String key = TenantKeys.key(tenant, "slack-event:" + eventId);
        return claims.claim(key, "1", Duration.ofSeconds(KEEP_SECONDS)).isPresent();
    }
}
