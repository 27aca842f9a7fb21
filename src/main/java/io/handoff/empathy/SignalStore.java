package io.handoff.empathy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;

/**
 * What the signal scan remembers. Keys:
 * <ul>
 *   <li>{@code handoff:{t}:signals:fired} set of signal keys already nudged about (each signal fires once)</li>
 *   <li>{@code handoff:{t}:signals:blocking} set of {@code up>down} handoffs seen blocking (a handoff that recovers
 *       leaves the set, so turning blocking again fires again)</li>
 *   <li>{@code handoff:{t}:signals:seen} hash person → epoch seconds the scan first saw them; {@code @baseline}
 *       marks the first scan, whose people are not new joiners</li>
 * </ul>
 */
final class SignalStore {
    private static final String BASELINE = "@baseline";
    private final UnifiedJedis redis;

    public SignalStore(UnifiedJedis redis) {
        this.redis = Objects.requireNonNull(redis);
    }

    private static String key(TenantId tenant, String suffix) {
        return TenantKeys.key(tenant, "signals:" + suffix);
    }

    /** True the first time a signal key is seen: the caller nudges then, and never again. */
    public boolean fireOnce(TenantId tenant, String signal) {
        return redis.sadd(key(tenant, "fired"), signal) == 1;
    }

    /** Records that the handoff is blocking; true when it was not blocking at the last scan. */
    public boolean turnedBlocking(TenantId tenant, String edge) {
        return redis.sadd(key(tenant, "blocking"), edge) == 1;
    }

    public void notBlocking(TenantId tenant, String edge) {
        redis.srem(key(tenant, "blocking"), edge);
    }

    /** Whether the scan has run before (people it saw then are not new joiners). */
    public Optional<Instant> baseline(TenantId tenant) {
        return Optional.ofNullable(redis.hget(key(tenant, "seen"), BASELINE))
                .map(v -> Instant.ofEpochSecond(Long.parseLong(v)));
    }

    public void setBaseline(TenantId tenant, Instant now) {
        redis.hsetnx(key(tenant, "seen"), BASELINE, Long.toString(now.getEpochSecond()));
    }

    /**
     * When the scan first saw each of {@code people} (now for those seen for the first time): one read, and one
     * pipelined write for the newcomers.
     */
    public Map<PersonId, Instant> firstSeen(TenantId tenant, Collection<PersonId> people, Instant now) {
        Map<String, String> seen = redis.hgetAll(key(tenant, "seen"));
        Map<PersonId, Instant> firstSeen = new LinkedHashMap<>();
        List<PersonId> newcomers = new ArrayList<>();
        for (PersonId person : people) {
            String at = seen.get(person.value());
            if (at == null) {
                newcomers.add(person);
                firstSeen.put(person, now);
            } else {
                firstSeen.put(person, Instant.ofEpochSecond(Long.parseLong(at)));
            }
        }
        if (!newcomers.isEmpty()) {
            try (AbstractPipeline pipeline = redis.pipelined()) {
                for (PersonId person : newcomers) {
                    pipeline.hsetnx(key(tenant, "seen"), person.value(), Long.toString(now.getEpochSecond()));
                }
                pipeline.sync();
            }
        }
        return firstSeen;
    }

    public void forget(TenantId tenant, PersonId person) {
        redis.hdel(key(tenant, "seen"), person.value());
    }
}
