package io.handoff.journey;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.handoff.empathy.StoryStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.redis.LuaScript;
import redis.clients.jedis.UnifiedJedis;

/**
 * Leaders' walks of customer moments in Redis (keys in {@link JourneyKeys}): {@code walk-invited:<person>} hash
 * period → {@code journey|touchpoint} (the one touchpoint the person is invited to in that period, fixed by the first
 * run that picked it); {@code walks} hash {@code journey|touchpoint|person|period} → {@code mode␟host␟epoch␟seed}
 * (␟ = U+001F; mode {@code customer} or {@code shadow}; host the front-line owner, {@code -} once forgotten; seed the
 * random seed of the walk's story). One walk per person, touchpoint and period.
 */
final class WalkStore {
    private static final String SEP = "\u001f";
    private static final LuaScript FORGET = LuaScript.load(WalkStore.class, "walks-forget.lua");

    private final UnifiedJedis redis;

    WalkStore(UnifiedJedis redis) {
        this.redis = Objects.requireNonNull(redis);
    }

    /** How a leader walks: as a customer, or shadowing the front-line owner for an hour. */
    enum Mode {
        CUSTOMER, SHADOW;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Optional<Mode> of(String code) {
            for (Mode mode : values()) {
                if (mode.code().equals(code)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }

    /** One accepted walk. */
    record Walk(JourneyId journey, TouchpointId touchpoint, PersonId person, String period, Mode mode,
                Optional<PersonId> host, Instant at, String seed) {
    }

    /** Fixes the touchpoint {@code person} is invited to in {@code period} unless one is; the one that stands. */
    String invite(TenantId tenant, PersonId person, String period, String journeyTouchpoint) {
        String key = JourneyKeys.walkInvited(tenant, person);
        redis.hsetnx(key, period, journeyTouchpoint);
        return redis.hget(key, period);
    }

    /** Period → {@code journey|touchpoint} of every invitation the person had. */
    Map<String, String> invitations(TenantId tenant, PersonId person) {
        return redis.hgetAll(JourneyKeys.walkInvited(tenant, person));
    }

    /** Records the walk unless the person already accepted this touchpoint in this period; the walk that stands. */
    Walk accept(TenantId tenant, JourneyId journey, TouchpointId touchpoint, PersonId person, String period,
                Mode mode, PersonId host, Instant now) {
        String field = field(journey, touchpoint, person, period);
        redis.hsetnx(JourneyKeys.walks(tenant), field, mode.code() + SEP + host.value() + SEP + now.getEpochSecond()
                + SEP + StoryStore.newId());
        return decode(field, redis.hget(JourneyKeys.walks(tenant), field)).orElseThrow();
    }

    Optional<Walk> walk(TenantId tenant, JourneyId journey, TouchpointId touchpoint, PersonId person, String period) {
        String field = field(journey, touchpoint, person, period);
        return decode(field, redis.hget(JourneyKeys.walks(tenant), field));
    }

    /** Every walk of the tenant. */
    List<Walk> all(TenantId tenant) {
        List<Walk> walks = new ArrayList<>();
        redis.hgetAll(JourneyKeys.walks(tenant)).forEach((field, value) -> decode(field, value).ifPresent(walks::add));
        return walks;
    }

    /** {@code journey|touchpoint} → how many walks it had. */
    Map<String, Integer> counts(TenantId tenant) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Walk walk : all(tenant)) {
            counts.merge(walk.journey().value() + "|" + walk.touchpoint().value(), 1, Integer::sum);
        }
        return counts;
    }

    /** Forgets the person's invitations and walks, and their name as a host; how many walks of theirs went. */
    int forget(TenantId tenant, PersonId person) {
        return ((Long) FORGET.run(redis, List.of(JourneyKeys.walks(tenant), JourneyKeys.walkInvited(tenant, person)),
                List.of(person.value()))).intValue();
    }

    private static String field(JourneyId journey, TouchpointId touchpoint, PersonId person, String period) {
        return journey.value() + "|" + touchpoint.value() + "|" + person.value() + "|" + period;
    }

    private static Optional<Walk> decode(String field, String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] f = field.split("\\|", -1);
        String[] v = value.split(SEP, -1);
        if (f.length != 4 || v.length != 4) {
            return Optional.empty();
        }
        return Mode.of(v[0]).map(mode -> new Walk(JourneyId.of(f[0]), TouchpointId.of(f[1]), PersonId.of(f[2]), f[3],
                mode, "-".equals(v[1]) ? Optional.empty() : Optional.of(PersonId.of(v[1])),
                Instant.ofEpochSecond(Long.parseLong(v[2])), v[3]));
    }
}
