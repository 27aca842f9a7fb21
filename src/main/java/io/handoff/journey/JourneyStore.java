package io.handoff.journey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import io.handoff.graph.TenantId;
import io.handoff.redis.LuaScript;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.json.JsonMapper;

/**
 * Journeys and their customer signals in Redis (keys in {@link JourneyKeys}); every multi-key write is one Lua script
 * beside this class. Writing the same definition or the same signals twice changes nothing.
 */
final class JourneyStore {
    static final String UNIT = "\u001f";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LuaScript PUT = LuaScript.load(JourneyStore.class, "put.lua");
    private static final LuaScript DELETE = LuaScript.load(JourneyStore.class, "delete.lua");
    private static final LuaScript SIGNALS = LuaScript.load(JourneyStore.class, "signals.lua");

    /** What a write found: stored, already so, or changed by someone else meanwhile. */
    enum Written { STORED, UNCHANGED, CONFLICT }

    /** A stored journey and the exact JSON it was read from (for compare-and-set writes). */
    record Stored(Journey journey, String json) {
    }

    /** How many parsed definitions are kept: a JSON read again is parsed again only when it changed. */
    private static final int PARSED_KEPT = 256;

    private final UnifiedJedis redis;
    private final Map<String, Journey> parsed = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Journey> eldest) {
            return size() > PARSED_KEPT;
        }
    });

    JourneyStore(UnifiedJedis redis) {
        this.redis = Objects.requireNonNull(redis);
    }

    static String json(Journey journey) {
        return JSON.writeValueAsString(JourneyDefinitions.tree(journey));
    }

    /** Stores {@code journey} if the stored one is still {@code expected} (null: whatever is there). */
    Written put(TenantId tenant, Journey journey, String expected) {
        List<String> args = new ArrayList<>();
        args.add(journey.id().value());
        args.add(json(journey));
        args.add(expected == null ? "*" : expected);
        journey.touchpoints().forEach(t -> args.add(t.id().value()));
        long result = (Long) PUT.run(redis, keys(tenant, journey.id()), args);
        return result > 0 ? Written.STORED : result == 0 ? Written.UNCHANGED : Written.CONFLICT;
    }

    Optional<Stored> get(TenantId tenant, JourneyId id) {
        return Optional.ofNullable(redis.get(JourneyKeys.journey(tenant, id))).map(json -> parse(id, json));
    }

    /** Every journey of the tenant, by id: the id set, then one pipeline of reads. */
    List<Stored> all(TenantId tenant) {
        List<JourneyId> ids = redis.smembers(JourneyKeys.journeys(tenant)).stream().map(JourneyId::of).sorted().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<JourneyId, Response<String>> reads = new LinkedHashMap<>();
        try (AbstractPipeline pipeline = redis.pipelined()) {
            ids.forEach(id -> reads.put(id, pipeline.get(JourneyKeys.journey(tenant, id))));
            pipeline.sync();
        }
        List<Stored> journeys = new ArrayList<>();
        reads.forEach((id, json) -> Optional.ofNullable(json.get()).ifPresent(j -> journeys.add(parse(id, j))));
        return journeys;
    }

    boolean delete(TenantId tenant, JourneyId id) {
        return (Long) DELETE.run(redis, keys(tenant, id), List.of(id.value())) == 1L;
    }

    /** Writes the signals if the journey is still {@code checkedAgainst}; -1 if it changed, else how many changed. */
    long writeSignals(TenantId tenant, JourneyId id, String checkedAgainst, List<CustomerSignal> signals) {
        List<String> args = new ArrayList<>(1 + 2 * signals.size());
        args.add(checkedAgainst);
        for (CustomerSignal signal : signals) {
            args.add(signal.slot());
            args.add(Double.toString(signal.value()) + UNIT + signal.sampleSize() + UNIT + signal.better().code());
        }
        return (Long) SIGNALS.run(redis, List.of(JourneyKeys.journey(tenant, id), JourneyKeys.signals(tenant, id)),
                args);
    }

    /** The journey's signals, ordered by touchpoint id, period and metric. */
    List<CustomerSignal> signals(TenantId tenant, JourneyId id) {
        return redis.hgetAll(JourneyKeys.signals(tenant, id)).entrySet().stream()
                .flatMap(e -> decode(e.getKey(), e.getValue()).stream())
                .sorted(Comparator.comparing(CustomerSignal::touchpoint).thenComparing(CustomerSignal::period)
                        .thenComparing(CustomerSignal::metric))
                .toList();
    }

    private static Optional<CustomerSignal> decode(String field, String value) {
        String[] slot = field.split("\\|", 3);
        String[] figures = value.split(UNIT, -1);
        if (slot.length != 3 || figures.length != 3) {
            return Optional.empty();
        }
        return Optional.of(new CustomerSignal(TouchpointId.of(slot[0]), SignalPeriod.parse(slot[1]), slot[2],
                Double.parseDouble(figures[0]), Long.parseLong(figures[1]), Better.parse(figures[2]).orElseThrow()));
    }

    private Stored parse(JourneyId id, String json) {
        String key = id.value() + '\n' + json;
        Journey journey = parsed.get(key);
        if (journey == null) {
            journey = JourneyDefinitions.read(id, JSON.readValue(json, Object.class));
            parsed.put(key, journey);
        }
        return new Stored(journey, json);
    }

    private static List<String> keys(TenantId tenant, JourneyId id) {
        return Stream.of(JourneyKeys.journeys(tenant), JourneyKeys.journey(tenant, id), JourneyKeys.signals(tenant, id))
                .toList();
    }
}
