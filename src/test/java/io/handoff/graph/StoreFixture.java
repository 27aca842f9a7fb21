package io.handoff.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.handoff.testing.TestRedis;
import redis.clients.jedis.UnifiedJedis;

/**
 * A fresh tenant on the real test Redis, the store under test, and the raw views the store tests compare against:
 * full key/value snapshots of the tenant, single hashes, and the team counters computed by hand from person edges.
 * Create one per test (an instance field of the test class does that, since JUnit makes an instance per test).
 */
final class StoreFixture {
    static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    final UnifiedJedis redis = TestRedis.client();
    final RedisGraphStore store;
    final TenantId tenant;

    StoreFixture() {
        this(TestRedis.uniqueTenant());
    }

    StoreFixture(TenantId tenant) {
        this(tenant, AdjacencyParts.SPLIT_AT);
    }

    /** A store splitting people's lines into parts past {@code splitAt} bytes (small: split on small graphs). */
    StoreFixture(TenantId tenant, int splitAt) {
        this.tenant = tenant;
        this.store = new RedisGraphStore(redis, splitAt);
    }

    /** A store splitting strings past {@code splitAt} bytes and parts past {@code partSplitAt}. */
    StoreFixture(TenantId tenant, int splitAt, int partSplitAt) {
        this.tenant = tenant;
        this.store = new RedisGraphStore(redis, splitAt, partSplitAt);
    }

    /** {@code T0} plus {@code n} days. */
    static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    static PersonId id(String value) {
        return PersonId.of(value);
    }

    static HandoffTerms terms(String what, Criticality criticality) {
        return new HandoffTerms(what, Frequency.WEEKLY, criticality);
    }

    Person person(String id, String name, String team) {
        Person person = Person.of(id, name, team);
        store.savePerson(tenant, person);
        return person;
    }

    Team team(String id, String name, String... managers) {
        Team team = new Team(TeamId.of(id), name, java.util.Arrays.stream(managers).map(PersonId::of).toList());
        store.saveTeam(tenant, team);
        return team;
    }

    Handoff claim(String up, String down, String what, Criticality criticality, Side by, Instant now) {
        return store.claim(tenant, id(up), id(down), terms(what, criticality), by, now);
    }

    /** The full name of a key of this tenant, e.g. {@code key("out:ana")}. */
    String key(String suffix) {
        return "handoff:{" + tenant.value() + "}:" + suffix;
    }

    Map<String, String> hash(String suffix) {
        return new TreeMap<>(redis.hgetAll(key(suffix)));
    }

    Set<String> set(String suffix) {
        return new TreeSet<>(redis.smembers(key(suffix)));
    }

    /**
     * The team counters one entry per non-zero counter, "up>down>k" → count with k in n r i c f x h, unpacked from the
     * stored "up>down" → "n,r,i,c,f,x,h" fields (see {@link #rawTeamEdges()}).
     */
    Map<String, String> teamEdges() {
        Map<String, String> unpacked = new TreeMap<>();
        rawTeamEdges().forEach((pair, packed) -> {
            String[] counts = packed.split(",");
            assertThat(counts).as("packed counters of %s", pair).hasSize(7);
            for (int i = 0; i < counts.length; i++) {
                if (Integer.parseInt(counts[i]) != 0) {
                    unpacked.put(pair + ">" + "nricfxh".charAt(i), counts[i]);
                }
            }
        });
        return unpacked;
    }

    /** The teamedges hash as stored. */
    Map<String, String> rawTeamEdges() {
        return hash("teamedges");
    }

    List<String> keys() {
        return TestRedis.keysOf(tenant);
    }

    /** Every key of the tenant with its whole value (hashes as sorted maps, sets as sorted sets). */
    Map<String, Object> snapshot() {
        return snapshot(redis, keys());
    }

    static Map<String, Object> snapshot(UnifiedJedis redis, List<String> keys) {
        Map<String, Object> all = new TreeMap<>();
        for (String key : keys) {
            String type = redis.type(key);
            switch (type) {
                case "hash" -> all.put(key, new TreeMap<>(redis.hgetAll(key)));
                case "set" -> all.put(key, new TreeSet<>(redis.smembers(key)));
                case "string" -> all.put(key, redis.get(key));
                default -> throw new AssertionError("unexpected " + type + " at " + key);
            }
        }
        return all;
    }

    // ---- the team counters, by hand ----

    /**
     * The teamedges hash that the person edges of {@code graph} call for: one "up>down>k" field per non-zero counter,
     * edges with an end that has no team left out.
     */
    static Map<String, String> countersByHand(OrgGraph graph) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Handoff edge : graph.edges()) {
            TeamId up = graph.people().get(edge.upstream()).team();
            TeamId down = graph.people().get(edge.downstream()).team();
            if (up == null || down == null) {
                continue;
            }
            String pair = up.value() + ">" + down.value() + ">";
            counts.merge(pair + "n", 1, Integer::sum);
            counts.merge(pair + switch (edge.criticality()) {
                case ROUTINE -> "r";
                case IMPORTANT -> "i";
                case CRITICAL -> "c";
            }, 1, Integer::sum);
            counts.merge(pair + switch (edge.status()) {
                case CONFIRMED -> "f";
                case DISPUTED -> "x";
                case CLAIMED -> "h";
            }, 1, Integer::sum);
        }
        Map<String, String> fields = new TreeMap<>();
        counts.forEach((field, count) -> fields.put(field, Integer.toString(count)));
        return fields;
    }

    /** The team links that the person edges of {@code graph} call for, summed by hand. */
    static Set<TeamLink> linksByHand(OrgGraph graph) {
        Map<String, int[]> byPair = new TreeMap<>();
        for (Handoff edge : graph.edges()) {
            TeamId up = graph.people().get(edge.upstream()).team();
            TeamId down = graph.people().get(edge.downstream()).team();
            if (up == null || down == null) {
                continue;
            }
            int[] c = byPair.computeIfAbsent(up.value() + " " + down.value(), k -> new int[7]);
            c[0]++;
            c[1 + edge.criticality().ordinal()]++;
            c[edge.status() == EdgeStatus.CONFIRMED ? 4 : edge.status() == EdgeStatus.DISPUTED ? 5 : 6]++;
        }
        Set<TeamLink> links = new HashSet<>();
        byPair.forEach((pair, c) -> {
            String[] teams = pair.split(" ");
            links.add(new TeamLink(TeamId.of(teams[0]), TeamId.of(teams[1]), c[0], c[1], c[2], c[3], c[4], c[5], c[6]));
        });
        return links;
    }

    /** The stored counters (raw hash and team map) equal the aggregate of the stored person edges. */
    void assertCountersMatchEdges() {
        OrgGraph graph = store.graph(tenant);
        assertThat(teamEdges()).isEqualTo(countersByHand(graph));
        assertThat(teamEdges().values()).allSatisfy(v -> assertThat(Integer.parseInt(v)).isPositive());
        assertThat(rawTeamEdges().values()).allSatisfy(packed ->
                assertThat(Integer.parseInt(packed.substring(0, packed.indexOf(',')))).isPositive());
        assertThat(new HashSet<>(store.teamMap(tenant).links())).isEqualTo(linksByHand(graph));
    }

    /** The person's adjacency string as stored (null when there is none). */
    String adjacency(String id) {
        return redis.get(key("adj:" + id));
    }

    /** The person's string with their parts appended when their lines are split (null when there is none). */
    String allLines(String id) {
        String text = adjacency(id);
        if (text == null) {
            return null;
        }
        StringBuilder all = new StringBuilder(text);
        for (int k = 0; k < AdjacencyParts.countOf(text); k++) {
            String part = redis.get(key("adj-part:" + id + ":" + k));
            all.append(part == null ? "" : part);
        }
        return all.toString();
    }

    /** The lines of a person (string and parts) in one direction: other id → encoded edge (empty when none). */
    Map<String, String> lines(String id, char direction) {
        Map<String, String> lines = new TreeMap<>();
        String text = allLines(id);
        if (text != null) {
            AdjacencyCodec.forEachLine(text, (d, other, t, edgeFrom, edgeTo, summaryFrom, summaryTo) -> {
                if (d == direction) {
                    lines.put(other, t.substring(edgeFrom, edgeTo));
                }
            });
        }
        return lines;
    }

    /** What the person hands to others: downstream id → encoded edge. */
    Map<String, String> out(String id) {
        return lines(id, AdjacencyCodec.OUT);
    }

    /** What others hand to the person: upstream id → encoded edge. */
    Map<String, String> in(String id) {
        return lines(id, AdjacencyCodec.IN);
    }

    /** The fields of a person's stored card by name (name, email, team, tz, id:&lt;platform&gt;), empty ones left out. */
    Map<String, String> personFields(String id) {
        String text = adjacency(id);
        if (text == null) {
            return Map.of();
        }
        String[] values = AdjacencyCodec.cardOf(text).split("\t", -1);
        List<String> names = new java.util.ArrayList<>(List.of("name", "email", "team", "tz"));
        for (Platform platform : Platform.values()) {
            names.add("id:" + platform.code());
        }
        Map<String, String> fields = new TreeMap<>();
        for (int i = 0; i < values.length && i < names.size(); i++) {
            if (!values[i].isEmpty()) {
                fields.put(names.get(i), values[i]);
            }
        }
        return fields;
    }

    /**
     * The two copies of every edge agree: each line "&gt;down" in up's string has a line "&lt;up" with the same edge in
     * down's string and the other way round, every line carries the summary of the other person's current card, and
     * exactly the people in the people set have a string.
     */
    void assertMirrorsConsistent() {
        Map<String, String> fromOut = new TreeMap<>();
        Map<String, String> fromIn = new TreeMap<>();
        Set<String> withStrings = new TreeSet<>();
        for (String key : keys()) {
            String name = key.substring(key("").length());
            if (!name.startsWith("adj:")) {
                continue;
            }
            String me = name.substring(4);
            withStrings.add(me);
            AdjacencyCodec.forEachLine(allLines(me), (d, other, t, edgeFrom, edgeTo, summaryFrom, summaryTo) -> {
                String edge = t.substring(edgeFrom, edgeTo);
                (d == AdjacencyCodec.OUT ? fromOut : fromIn).put(d == AdjacencyCodec.OUT ? me + ">" + other
                        : other + ">" + me, edge);
                String theirs = adjacency(other);
                assertThat(theirs).as("string of %s, named by %s", other, me).isNotNull();
                assertThat(t.substring(summaryFrom, summaryTo)).as("summary of %s in %s's string", other, me)
                        .isEqualTo(AdjacencyCodec.summary(AdjacencyCodec.cardOf(theirs)));
            });
        }
        assertThat(fromIn).isEqualTo(fromOut);
        assertThat(withStrings).isEqualTo(set("people"));
    }
}
