package io.handoff.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The latest delivery decisions of a tenant ("sent", "deferred for quiet hours", "capped", "dropped: paused"), newest
 * first, in the capped list {@code handoff:{tenant}:delivery-decisions}, so a playground or an admin can see why a
 * message did or did not go out.
 */
public class DecisionLog {
    public static final int KEEP = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UnifiedJedis redis;

    public DecisionLog(UnifiedJedis redis) {
        this.redis = redis;
    }

    /** One decision about one message; {@code verdict} SEND is recorded once the message actually went out. */
    public record Entry(Instant at, PersonId person, String messageKey, MessageKind kind, Decision.Verdict verdict,
                        Optional<Instant> until, String reason) {
    }

    static String key(TenantId tenant) {
        return TenantKeys.key(tenant, "delivery-decisions");
    }

    public void record(TenantId tenant, Entry entry) {
        ObjectNode node = JSON.createObjectNode();
        node.put("at", entry.at().toString());
        node.put("person", entry.person().value());
        node.put("key", entry.messageKey());
        node.put("kind", entry.kind().name());
        node.put("verdict", entry.verdict().name());
        entry.until().ifPresent(until -> node.put("until", until.toString()));
        node.put("reason", entry.reason());
        String key = key(tenant);
        try (AbstractPipeline pipeline = redis.pipelined()) {
            pipeline.lpush(key, JSON.writeValueAsString(node));
            pipeline.ltrim(key, 0, KEEP - 1L);
            pipeline.sync();
        }
    }

    public List<Entry> recent(TenantId tenant, int limit) {
        List<Entry> entries = new ArrayList<>();
        for (String line : redis.lrange(key(tenant), 0, Math.min(limit, KEEP) - 1L)) {
            JsonNode node = JSON.readTree(line);
            entries.add(new Entry(Instant.parse(node.get("at").asString()), PersonId.of(node.get("person").asString()),
                    node.get("key").asString(), MessageKind.valueOf(node.get("kind").asString()),
                    Decision.Verdict.valueOf(node.get("verdict").asString()),
                    node.has("until") ? Optional.of(Instant.parse(node.get("until").asString())) : Optional.empty(),
                    node.get("reason").asString()));
        }
        return entries;
    }

    /** The recent decisions about one person (for my-data). */
    public List<Entry> about(TenantId tenant, PersonId person) {
        return recent(tenant, KEEP).stream().filter(entry -> entry.person().equals(person)).toList();
    }

    /**
     * Retention: removes the decisions recorded before {@code cutoff}, oldest (the list's tail) first, each by its
     * exact value so a decision pushed meanwhile is never taken; returns how many.
     */
    public int expireBefore(TenantId tenant, Instant cutoff) {
        String key = key(tenant);
        int removed = 0;
        for (int i = 0; i < KEEP; i++) {
            String last = redis.lindex(key, -1);
            if (last == null || !Instant.parse(JSON.readTree(last).get("at").asString()).isBefore(cutoff)) {
                break;
            }
            removed += (int) redis.lrem(key, -1, last);
        }
        return removed;
    }

    /** Forget-me: removes every recorded decision about the person; returns how many. */
    public int forget(TenantId tenant, PersonId person) {
        String key = key(tenant);
        int removed = 0;
        for (String line : redis.lrange(key, 0, -1)) {
            if (person.value().equals(JSON.readTree(line).path("person").asString())) {
                removed += (int) redis.lrem(key, 0, line);
            }
        }
        return removed;
    }
}
