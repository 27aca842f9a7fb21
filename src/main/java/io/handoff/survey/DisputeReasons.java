package io.handoff.survey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.handoff.graph.PersonId;
import io.handoff.graph.Side;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Why a handoff was disputed, in the disputing person's own words: hash {@code handoff:{tenant}:dispute-reasons},
 * field {@code <up>><down>}, value {@code <U|D>;<time base 36>;<reason>} (U: the upstream disputed). The text is
 * stored as typed; adapters escape it when they show it. A reason is removed when the edge is confirmed or removed.
 */
@Component
class DisputeReasons {
    public static final int MAX_REASON = 500;

    private final UnifiedJedis redis;

    public DisputeReasons(UnifiedJedis redis) {
        this.redis = redis;
    }

    /** A reason as stored. */
    public record Reason(PersonId upstream, PersonId downstream, Side by, Instant at, String text) {
    }

    static String key(TenantId tenant) {
        return TenantKeys.key(tenant, "dispute-reasons");
    }

    private static String field(PersonId upstream, PersonId downstream) {
        return upstream.value() + ">" + downstream.value();
    }

    public void save(TenantId tenant, PersonId upstream, PersonId downstream, Side by, Instant at, String text) {
        String reason = text == null ? "" : text.strip();
        if (reason.isEmpty()) {
            remove(tenant, upstream, downstream);
            return;
        }
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON);
        }
        redis.hset(key(tenant), field(upstream, downstream),
                (by == Side.UPSTREAM ? "U" : "D") + ";" + Long.toString(at.getEpochSecond(), 36) + ";" + reason);
    }

    public Optional<Reason> find(TenantId tenant, PersonId upstream, PersonId downstream) {
        return Optional.ofNullable(redis.hget(key(tenant), field(upstream, downstream)))
                .flatMap(value -> decode(upstream, downstream, value));
    }

    public void remove(TenantId tenant, PersonId upstream, PersonId downstream) {
        redis.hdel(key(tenant), field(upstream, downstream));
    }

    /**
     * Every reason on an edge of the person (scans the tenant's reasons for fields naming them; ids contain no glob
     * characters, the safe alphabet has none).
     */
    public List<Reason> about(TenantId tenant, PersonId person) {
        List<Reason> reasons = new ArrayList<>();
        for (String pattern : List.of(person.value() + ">*", "*>" + person.value())) {
            ScanParams params = new ScanParams().match(pattern).count(500);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<Map.Entry<String, String>> page = redis.hscan(key(tenant), cursor, params);
                for (Map.Entry<String, String> entry : page.getResult()) {
                    String[] ends = entry.getKey().split(">", 2);
                    if (ends.length == 2 && (ends[0].equals(person.value()) || ends[1].equals(person.value()))) {
                        decode(PersonId.of(ends[0]), PersonId.of(ends[1]), entry.getValue()).ifPresent(reasons::add);
                    }
                }
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        }
        return reasons;
    }

    /** Deletes every reason on an edge of the person; returns how many. */
    public int erase(TenantId tenant, PersonId person) {
        List<Reason> reasons = about(tenant, person);
        if (!reasons.isEmpty()) {
            redis.hdel(key(tenant), reasons.stream().map(r -> field(r.upstream(), r.downstream()))
                    .distinct().toArray(String[]::new));
        }
        return (int) reasons.stream().map(r -> field(r.upstream(), r.downstream())).distinct().count();
    }

    private static Optional<Reason> decode(PersonId upstream, PersonId downstream, String value) {
        String[] parts = value.split(";", 3);
        if (parts.length != 3 || !(parts[0].equals("U") || parts[0].equals("D"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Reason(upstream, downstream, parts[0].equals("U") ? Side.UPSTREAM : Side.DOWNSTREAM,
                    Instant.ofEpochSecond(Long.parseLong(parts[1], 36)), parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
