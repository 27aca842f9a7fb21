package io.handoff.survey;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.handoff.delivery.PauseCheck;
import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.ReaderTime;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.privacy.DataSection;
import io.handoff.privacy.PersonalData;
import redis.clients.jedis.UnifiedJedis;

/**
 * Per-person settings in Redis: hash {@code handoff:{tenant}:prefs:<person>} with {@code paused-until} (epoch
 * seconds) and {@code paused-at}. The delivery rules ask {@link #pausedAt} (the {@link PauseCheck} port) to skip
 * paused people; no other module reads the hash.
 */
@Component
public class PreferencesStore implements PersonalData, PauseCheck {
    static final String PAUSED_UNTIL = "paused-until";
    static final String PAUSED_AT = "paused-at";
    private final UnifiedJedis redis;
    private final GraphStore graph;

    /** A store that shows times in UTC (no graph to find a person's time zone in). */
    public PreferencesStore(UnifiedJedis redis) {
        this(redis, null);
    }

    /** A store that shows times in the person's own time zone. */
    @Autowired
    public PreferencesStore(UnifiedJedis redis, GraphStore graph) {
        this.redis = redis;
        this.graph = graph;
    }

    static String key(TenantId tenant, PersonId person) {
        return TenantKeys.key(tenant, "prefs:" + person.value());
    }

    public PersonPreferences preferences(TenantId tenant, PersonId person) {
        String until = redis.hget(key(tenant, person), PAUSED_UNTIL);
        return new PersonPreferences(person, parse(until));
    }

    /** Whether the person paused Handoff at {@code now}. */
    public boolean paused(TenantId tenant, PersonId person, Instant now) {
        return preferences(tenant, person).pausedAt(now);
    }

    /**
     * The pause as the delivery rules read it, defensively by field name: {@code paused-until} (also spelled
     * {@code paused_until} or {@code pausedUntil}) in the future, or a {@code paused} flag without an end.
     */
    @Override
    public boolean pausedAt(TenantId tenant, PersonId person, Instant now) {
        Map<String, String> prefs = redis.hgetAll(key(tenant, person));
        if (prefs == null || prefs.isEmpty()) {
            return false;
        }
        String flag = prefs.get("paused");
        if (flag != null && (flag.equalsIgnoreCase("true") || flag.equals("1"))
                && !prefs.containsKey(PAUSED_UNTIL)) {
            return true;
        }
        for (String field : List.of(PAUSED_UNTIL, "paused_until", "pausedUntil")) {
            String value = prefs.get(field);
            if (value != null && !value.isBlank()) {
                return parseUntil(value.strip()).map(now::isBefore).orElse(true);
            }
        }
        return false;
    }

    /** Epoch seconds, epoch milliseconds or ISO-8601; "forever" (or anything unreadable) means indefinitely. */
    static Optional<Instant> parseUntil(String value) {
        if (value.chars().allMatch(Character::isDigit) && !value.isEmpty() && value.length() < 19) {
            long number = Long.parseLong(value);
            return Optional.of(number > 100_000_000_000L ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number));
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public void pauseUntil(TenantId tenant, PersonId person, Instant until, Instant now) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(PAUSED_UNTIL, Long.toString(until.getEpochSecond()));
        fields.put(PAUSED_AT, Long.toString(now.getEpochSecond()));
        redis.hset(key(tenant, person), fields);
    }

    /** Ends a pause; returns whether there was one. */
    public boolean resume(TenantId tenant, PersonId person) {
        return redis.hdel(key(tenant, person), PAUSED_UNTIL, PAUSED_AT) > 0;
    }

    @Override
    public List<DataSection> describe(TenantId tenant, PersonId person) {
        Map<String, String> fields = redis.hgetAll(key(tenant, person));
        if (fields.isEmpty()) {
            return List.of();
        }
        Instant until = parse(fields.get(PAUSED_UNTIL));
        Map<String, Object> data = new LinkedHashMap<>();
        fields.forEach((field, value) -> data.put(field, value));
        List<String> lines = until == null ? List.of("Not paused.")
                : List.of("Questions and reminders paused until " + (graph == null ? format(until, ZoneOffset.UTC)
                        : ReaderTime.of(until, graph, tenant, person)) + ".");
        return List.of(new DataSection("Preferences", lines, data));
    }

    @Override
    public List<String> erase(TenantId tenant, PersonId person) {
        return redis.del(key(tenant, person)) > 0 ? List.of("your preferences (pause)") : List.of();
    }

    /** A time as {@code reader} reads it, in their own zone. */
    static String format(Instant instant, ZoneId reader) {
        return ReaderTime.of(instant, reader);
    }

    private static Instant parse(String epochSeconds) {
        if (epochSeconds == null || !epochSeconds.matches("-?[0-9]{1,12}")) {
            return null;
        }
        return Instant.ofEpochSecond(Long.parseLong(epochSeconds));
    }
}
