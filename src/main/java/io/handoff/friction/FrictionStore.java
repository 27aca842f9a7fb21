package io.handoff.friction;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.handoff.graph.Criticality;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.redis.LuaScript;
import redis.clients.jedis.UnifiedJedis;

/**
 * Friction answers and closed-period aggregates in Redis. Keys (all in the tenant's hash slot):
 * <ul>
 *   <li>{@code handoff:{t}:friction:answers:<period>} hash {@code <up>><down>} → the encoded answer (one per person
 *       per handoff per period; answering again replaces it)</li>
 *   <li>{@code handoff:{t}:friction:mine:<person>} set of {@code <period>|<up>}: where a person's answers are, for
 *       my-data and forget-me</li>
 *   <li>{@code handoff:{t}:friction:shown:<period>} hash scope code →
 *       {@code answers;respondents;sum;critical;team;label}
 *       of every aggregate allowed to be shown, plus {@code @closed} → epoch seconds; written once when the period
 *       closes and never recomputed, so forgetting a person later cannot make an old aggregate reveal them</li>
 * </ul>
 * Answers and aggregates expire after {@link #KEEP}.
 */
public final class FrictionStore {
    public static final Duration KEEP = Duration.ofDays(400);
    private static final String SEP = "\u001f";
    private static final String CLOSED = "@closed";
    private static final LuaScript ANSWER = LuaScript.load(FrictionStore.class, "answer.lua");
    private static final LuaScript FORGET = LuaScript.load(FrictionStore.class, "forget.lua");
    private static final LuaScript CLOSE = LuaScript.load(FrictionStore.class, "close.lua");

    private final UnifiedJedis redis;

    public FrictionStore(UnifiedJedis redis) {
        this.redis = Objects.requireNonNull(redis);
    }

    private static String prefix(TenantId tenant) {
        return TenantKeys.key(tenant, "friction:");
    }

    static String answersKey(TenantId tenant, Period period) {
        return prefix(tenant) + "answers:" + period.id();
    }

    static String mineKey(TenantId tenant, PersonId person) {
        return prefix(tenant) + "mine:" + person.value();
    }

    static String shownKey(TenantId tenant, Period period) {
        return prefix(tenant) + "shown:" + period.id();
    }

    /** Stores the answer; false when the period has already closed (nothing is written then). */
    public boolean record(TenantId tenant, Period period, FrictionAnswer answer) {
        Object stored = ANSWER.run(redis,
                List.of(answersKey(tenant, period), mineKey(tenant, answer.downstream()), shownKey(tenant, period)),
                List.of(field(answer.upstream(), answer.downstream()), encode(answer),
                        period.id() + "|" + answer.upstream().value(), Long.toString(KEEP.toSeconds())));
        return Long.valueOf(1).equals(stored);
    }

    public List<FrictionAnswer> answers(TenantId tenant, Period period) {
        List<FrictionAnswer> answers = new ArrayList<>();
        redis.hgetAll(answersKey(tenant, period)).forEach((field, value) -> answers.add(decode(field, value)));
        answers.sort(Comparator.comparing((FrictionAnswer a) -> a.upstream().value())
                .thenComparing(a -> a.downstream().value()));
        return answers;
    }

    public Optional<FrictionAnswer> answer(TenantId tenant, Period period, PersonId upstream, PersonId downstream) {
        String field = field(upstream, downstream);
        return Optional.ofNullable(redis.hget(answersKey(tenant, period), field)).map(value -> decode(field, value));
    }

    /** Every answer the person gave that is still kept, by period id, newest period first. */
    public Map<String, List<FrictionAnswer>> answersBy(TenantId tenant, PersonId person) {
        Map<String, List<FrictionAnswer>> byPeriod = new java.util.TreeMap<>(Comparator.reverseOrder());
        for (String member : redis.smembers(mineKey(tenant, person))) {
            int bar = member.indexOf('|');
            String periodId = member.substring(0, bar);
            String field = member.substring(bar + 1) + ">" + person.value();
            String value = redis.hget(prefix(tenant) + "answers:" + periodId, field);
            if (value != null) {
                byPeriod.computeIfAbsent(periodId, p -> new ArrayList<>()).add(decode(field, value));
            }
        }
        return byPeriod;
    }

    /** Deletes every answer the person gave; returns how many. Aggregates of closed periods stay as they were. */
    public int forget(TenantId tenant, PersonId person) {
        int removed = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            List<String> members = new ArrayList<>(redis.smembers(mineKey(tenant, person)));
            if (members.isEmpty()) {
                break;
            }
            List<String> keys = new ArrayList<>();
            keys.add(mineKey(tenant, person));
            members.forEach(member -> keys.add(prefix(tenant) + "answers:" + member.substring(0, member.indexOf('|'))));
            List<String> args = new ArrayList<>(members);
            args.add(person.value());
            removed += ((Long) FORGET.run(redis, keys, args)).intValue();
        }
        return removed;
    }

    /**
     * Retention: deletes the answers of every period that ended before {@code cutoff}, with their entries in the
     * respondents' indexes; the shown aggregates stay (they name nobody). Returns how many answers went.
     */
    public int expireBefore(TenantId tenant, Instant cutoff) {
        String answersPrefix = prefix(tenant) + "answers:";
        ScanParams params = new ScanParams().match(answersPrefix + "*").count(500);
        List<String> keys = new ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        int removed = 0;
        for (String key : keys) {
            String periodId = key.substring(answersPrefix.length());
            Optional<Period> period = Period.fromId(periodId);
            if (period.isEmpty() || !period.get().end().atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    .isBefore(cutoff)) {
                continue;
            }
            Set<String> fields = redis.hkeys(key);
            try (AbstractPipeline pipeline = redis.pipelined()) {
                for (String field : fields) {
                    int gt = field.indexOf('>');
                    pipeline.srem(mineKey(tenant, PersonId.of(field.substring(gt + 1))),
                            periodId + "|" + field.substring(0, gt));
                }
                pipeline.del(key);
                pipeline.sync();
            }
            removed += fields.size();
        }
        return removed;
    }

    /** Stores the shown aggregates of a period unless it is already closed; false when it was. */
    public boolean close(TenantId tenant, Period period, List<ShownAggregate> shown, Instant now) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(now.getEpochSecond()));
        args.add(Long.toString(KEEP.toSeconds()));
        for (ShownAggregate aggregate : shown) {
            args.add(aggregate.scope().code());
            args.add(aggregate.answers() + ";" + aggregate.respondents() + ";" + aggregate.sum() + ";"
                    + (aggregate.critical() ? 1 : 0) + ";" + aggregate.upstreamTeam() + ";" + aggregate.label());
        }
        return Long.valueOf(1).equals(CLOSE.run(redis, List.of(shownKey(tenant, period)), args));
    }

    public boolean closed(TenantId tenant, Period period) {
        return redis.hexists(shownKey(tenant, period), CLOSED);
    }

    /** The aggregates shown for a closed period, by scope (empty when the period is not closed). */
    public Map<Scope, ShownAggregate> shown(TenantId tenant, Period period) {
        Map<Scope, ShownAggregate> shown = new LinkedHashMap<>();
        redis.hgetAll(shownKey(tenant, period)).forEach((field, value) -> {
            if (!field.startsWith("@")) {
                Scope scope = Scope.parse(field);
                String[] parts = value.split(";", 6);
                shown.put(scope, new ShownAggregate(scope, parts[4], Integer.parseInt(parts[0]),
                        Integer.parseInt(parts[1]), Long.parseLong(parts[2]), "1".equals(parts[3]), parts[5]));
            }
        });
        return shown;
    }

    private static String field(PersonId upstream, PersonId downstream) {
        return upstream.value() + ">" + downstream.value();
    }

    private static String encode(FrictionAnswer a) {
        return String.join(SEP, "1", Integer.toString(a.score()),
                a.upstreamTeamId().map(TeamId::value).orElse(""), a.downstreamTeamId().map(TeamId::value).orElse(""),
                a.criticality().name(), Long.toString(a.answeredAt().getEpochSecond()), a.what(), a.comment());
    }

    private static FrictionAnswer decode(String field, String value) {
        int arrow = field.indexOf('>');
        String[] parts = value.split(SEP, 8);
        return new FrictionAnswer(PersonId.of(field.substring(0, arrow)), PersonId.of(field.substring(arrow + 1)),
                parts[2].isEmpty() ? null : TeamId.of(parts[2]), parts[3].isEmpty() ? null : TeamId.of(parts[3]),
                parts[6], Criticality.valueOf(parts[4]), Integer.parseInt(parts[1]),
                parts[7], Instant.ofEpochSecond(Long.parseLong(parts[5])));
    }
}
