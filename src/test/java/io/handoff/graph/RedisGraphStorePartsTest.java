package io.handoff.graph;

import static io.handoff.graph.StoreFixture.T0;
import static io.handoff.graph.StoreFixture.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.handoff.testing.TestRedis;

/**
 * Busy people's lines split into parts ({@link AdjacencyParts}): for random graphs with a few busy people and random
 * writes (people saved, renamed and moved between teams, handoffs claimed, confirmed, disputed, removed, imported,
 * people deleted), a store that splits early (a split size of a few lines) answers every read exactly as a store
 * that never splits them (the layout before parts), both on its own tenant and on the other's data; concurrent
 * writes to one busy person lose nothing.
 */
class RedisGraphStorePartsTest {
    private static final int SPLIT_AT = 300;
    private static final List<String> TEAMS = List.of("ops", "desk", "finance");

    @ParameterizedTest
    @ValueSource(longs = {5, 6, 7})
    void afterAnImportThatSplitsBusyPeopleEveryKeyTakesNoMoreMemoryThanItsTextNeeds(long seed) {
        // The import's last batch naming a person sets the keys it writes whole; a busy person's parts that earlier
        // batches appended to and the last one did not touch are compacted after the import.
        // Strings split at 1,200 bytes, parts at 4,000: the busy people are split once the first window is written
        // and the windows after it append to their parts.
        StoreFixture f = new StoreFixture(TestRedis.uniqueTenant(), 1_200, 4_000);
        TEAMS.forEach(team -> f.team(team, team.toUpperCase()));
        Random random = new Random(seed);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            people.add("b" + i);
            f.store.savePerson(f.tenant, person("b" + i, random, 0));
        }
        List<Handoff> imported = new ArrayList<>();
        Set<String> pairs = new java.util.HashSet<>();
        while (imported.size() < 6 * GraphStore.IMPORT_BATCH) {
            // b0 to b3 are busy: the downstream end of half the handoffs
            String up = people.get(random.nextInt(people.size()));
            String down = people.get(random.nextInt(random.nextBoolean() ? 4 : people.size()));
            if (!up.equals(down) && pairs.add(up + ">" + down)) {
                imported.add(edge(random, up, down));
            }
        }
        f.store.importHandoffs(f.tenant, imported);

        assertThat(f.keys()).anyMatch(key -> key.contains(":adj-part:b0:"));
        for (String key : f.keys()) {
            if (key.contains(":adj-part:") || key.contains(":adj:")) {
                String text = f.redis.get(key);
                // The same text, set afresh under a name as long (MEMORY USAGE counts the name too).
                String copy = key.replace(":adj", ":adk");
                f.redis.set(copy, text);
                assertThat(f.redis.memoryUsage(key)).as("memory of %s (%,d characters)", key, text.length())
                        .isEqualTo(f.redis.memoryUsage(copy));
                f.redis.del(copy);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void aStoreThatSplitsAnswersExactlyAsOneThatDoesNot(long seed) {
        StoreFixture whole = new StoreFixture(TestRedis.uniqueTenant());
        // Odd seeds: strings split at 1,200 bytes and parts at 300 (writes split parts the import left longer).
        StoreFixture split = seed % 2 == 0 ? new StoreFixture(TestRedis.uniqueTenant(), SPLIT_AT)
                : new StoreFixture(TestRedis.uniqueTenant(), 1_200, SPLIT_AT);
        Random random = new Random(seed);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            people.add("p" + i);
        }
        for (StoreFixture f : List.of(whole, split)) {
            TEAMS.forEach(team -> f.team(team, team.toUpperCase()));
        }
        for (String person : people) {
            Person p = person(person, random, 0);
            whole.store.savePerson(whole.tenant, p);
            split.store.savePerson(split.tenant, p);
        }
        // Two busy people: everyone hands them work and they hand work to everyone, imported in one go.
        List<Handoff> imported = new ArrayList<>();
        for (String busy : List.of("p0", "p1")) {
            for (String other : people) {
                if (!other.equals(busy)) {
                    imported.add(edge(random, busy, other));
                    imported.add(edge(random, other, busy));
                }
            }
        }
        for (int i = 0; i < 60; i++) {
            String up = people.get(random.nextInt(people.size()));
            String down = people.get(random.nextInt(people.size()));
            if (!up.equals(down)) {
                imported.add(edge(random, up, down));
            }
        }
        assertThat(split.store.importHandoffs(split.tenant, imported))
                .isEqualTo(whole.store.importHandoffs(whole.tenant, imported));
        assertSameAnswers(whole, split, people, random);
        assertThat(split.keys()).anyMatch(key -> key.contains(":adj-part:p0:"));
        assertThat(whole.keys()).noneMatch(key -> key.contains(":adj-part:"));

        for (int step = 0; step < 150; step++) {
            String up = people.get(random.nextInt(people.size()));
            String down = random.nextBoolean() ? (random.nextBoolean() ? "p0" : "p1")
                    : people.get(random.nextInt(people.size()));
            int op = random.nextInt(10);
            if (up.equals(down)) {
                continue;
            }
            Instant now = T0.plusSeconds(1000L * step);
            for (StoreFixture f : List.of(whole, split)) {
                apply(f, op, up, down, now, new Random(seed * 1000 + step));
            }
            if (step % 25 == 0) {
                assertSameAnswers(whole, split, people, random);
            }
        }
        assertSameAnswers(whole, split, people, random);
        whole.assertMirrorsConsistent();
        split.assertMirrorsConsistent();
        split.assertCountersMatchEdges();

        // The data written without parts reads the same through a store that splits, which then splits it as it writes.
        RedisGraphStore splitting = new RedisGraphStore(whole.redis, SPLIT_AT);
        assertThat(splitting.graph(whole.tenant)).isEqualTo(whole.store.graph(whole.tenant));
        assertThat(inOrder(splitting.neighbourhood(whole.tenant, id("p0"), 2).graph()))
                .isEqualTo(inOrder(whole.store.neighbourhood(whole.tenant, id("p0"), 2).graph()));
        splitting.claim(whole.tenant, id("p0"), id("p7"), StoreFixture.terms("late extra", Criticality.CRITICAL),
                Side.UPSTREAM, T0.plusSeconds(999_999));
        split.store.claim(split.tenant, id("p0"), id("p7"), StoreFixture.terms("late extra", Criticality.CRITICAL),
                Side.UPSTREAM, T0.plusSeconds(999_999));
        assertThat(whole.keys()).anyMatch(key -> key.contains(":adj-part:p0:"));
        assertSameAnswers(whole, split, people, random);
        whole.assertMirrorsConsistent();
        whole.assertCountersMatchEdges();
    }

    /** Parts split at the string's size, and (4,000 / 300) much smaller than it: writes race the splits they cause. */
    @ParameterizedTest
    @ValueSource(ints = {SPLIT_AT, 4_000})
    void concurrentWritesToOneBusyPersonLoseNothing(int splitAt) throws Exception {
        StoreFixture f = new StoreFixture(TestRedis.uniqueTenant(), splitAt, SPLIT_AT);
        f.team("ops", "Ops");
        f.team("desk", "Desk");
        f.person("desk", "The Desk", "desk");
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            others.add("c" + i);
            f.person("c" + i, "Caller " + i, "ops");
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = thread; i < others.size(); i += 8) {
                        String other = others.get(i);
                        f.store.claim(f.tenant, id(other), id("desk"), StoreFixture.terms("ticket " + i,
                                Criticality.IMPORTANT), Side.UPSTREAM, T0);
                        f.store.claim(f.tenant, id("desk"), id(other), StoreFixture.terms("answer " + i,
                                Criticality.ROUTINE), Side.DOWNSTREAM, T0);
                        f.store.confirm(f.tenant, id(other), id("desk"), Side.DOWNSTREAM, T0.plusSeconds(60));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.keys()).anyMatch(key -> key.contains(":adj-part:desk:"));
        assertThat(f.in("desk")).hasSize(80);
        assertThat(f.out("desk")).hasSize(80);
        for (int i = 0; i < others.size(); i++) {
            Handoff in = f.store.handoff(f.tenant, id(others.get(i)), id("desk")).orElseThrow();
            assertThat(in.status()).isEqualTo(EdgeStatus.CONFIRMED);
            assertThat(in.terms().what()).isEqualTo("ticket " + i);
            assertThat(f.store.handoff(f.tenant, id("desk"), id(others.get(i))).orElseThrow().terms().what())
                    .isEqualTo("answer " + i);
        }
        assertThat(f.store.neighbourhood(f.tenant, id("desk"), 1).graph().edges()).hasSize(160);
        f.assertMirrorsConsistent();
        f.assertCountersMatchEdges();
    }

    @Test
    void partsAreSplitAtThePartSplitSizeWhileStringsKeepTheirLinesUpToTheirOwn() {
        StoreFixture f = new StoreFixture(TestRedis.uniqueTenant(), 4_000, 300);
        f.team("ops", "Ops");
        f.person("desk", "The Desk", "ops");
        for (int i = 0; i < 100; i++) {
            f.person("c" + i, "Caller " + i, "ops");
            f.claim("c" + i, "desk", "ticket " + i, Criticality.ROUTINE, Side.UPSTREAM, T0);
            f.store.confirm(f.tenant, id("c" + i), id("desk"), Side.DOWNSTREAM, T0.plusSeconds(i));
        }
        List<String> parts = f.keys().stream().filter(key -> key.contains(":adj-part:desk:")).toList();
        // About 6,000 bytes of lines: split once past 4,000 bytes, into parts none of which is longer than 300 bytes
        // (parts split at the string's size would be a few of up to 4,000 bytes).
        assertThat(parts).hasSizeGreaterThanOrEqualTo(16);
        assertThat(parts).allSatisfy(key -> assertThat(f.redis.strlen(key)).isLessThanOrEqualTo(300));
        assertThat(f.keys()).noneMatch(key -> key.contains(":adj-part:c"));
        assertThat(f.in("desk")).hasSize(100);
        assertThat(f.store.neighbourhood(f.tenant, id("desk"), 1).graph().edges()).hasSize(100);
        f.assertMirrorsConsistent();
        f.assertCountersMatchEdges();
    }

    /**
     * A line whose length stays is overwritten where it lies, in the busy person's part and in the other person's
     * string alike; a new line is appended to a part, while an ordinary person's string is set (APPEND would leave it
     * room to grow); a line whose length changes rewrites the key. The witness is a key's time to live, which
     * SETRANGE and APPEND keep and SET drops.
     */
    @Test
    void aLineKeepingItsLengthIsOverwrittenInPlaceAndOneChangingItsLengthRewritesTheKey() {
        StoreFixture f = new StoreFixture(TestRedis.uniqueTenant(), SPLIT_AT);
        f.team("ops", "Ops");
        f.person("desk", "The Desk", "ops");
        for (int i = 0; i < 12; i++) {
            f.person("c" + i, "Caller " + i, "ops");
            f.claim("c" + i, "desk", "ticket " + i, Criticality.ROUTINE, Side.UPSTREAM, T0);
        }
        f.store.confirm(f.tenant, id("c5"), id("desk"), Side.DOWNSTREAM, T0.plusSeconds(60));
        String deskPart = linePart(f, "desk", "c5");
        String callerString = f.key("adj:c5");
        assertThat(deskPart).contains(":adj-part:desk:");

        f.redis.expire(deskPart, 3_600);
        f.redis.expire(callerString, 3_600);
        String partBefore = f.redis.get(deskPart);
        Handoff again = f.store.confirm(f.tenant, id("c5"), id("desk"), Side.UPSTREAM, T0.plusSeconds(120));
        assertThat(f.redis.ttl(deskPart)).as("desk's part written in place").isPositive();
        assertThat(f.redis.ttl(callerString)).as("c5's string written in place").isPositive();
        assertThat(f.redis.get(deskPart)).isNotEqualTo(partBefore).hasSize(partBefore.length());
        assertThat(f.store.handoff(f.tenant, id("c5"), id("desk"))).contains(again);
        assertThat(again.lastConfirmedAt()).isEqualTo(T0.plusSeconds(120));

        f.person("c12", "Caller 12", "ops");
        f.redis.expire(linePart(f, "desk", "c12"), 3_600);
        f.redis.expire(f.key("adj:c12"), 3_600);
        f.claim("desk", "c12", "answer", Criticality.CRITICAL, Side.UPSTREAM, T0.plusSeconds(180));
        assertThat(f.redis.ttl(linePart(f, "desk", "c12"))).as("desk's new line appended").isPositive();
        assertThat(f.redis.ttl(f.key("adj:c12"))).as("c12's string set to its new text").isEqualTo(-1);

        f.claim("c5", "desk", "a much longer ticket than before", Criticality.IMPORTANT, Side.UPSTREAM,
                T0.plusSeconds(240));
        assertThat(f.redis.ttl(deskPart)).as("desk's part rewritten").isEqualTo(-1);
        assertThat(f.redis.ttl(callerString)).as("c5's string rewritten").isEqualTo(-1);
        assertThat(f.store.handoff(f.tenant, id("c5"), id("desk")).orElseThrow().terms().what())
                .isEqualTo("a much longer ticket than before");
        assertThat(f.store.handoff(f.tenant, id("desk"), id("c12")).orElseThrow().terms().what()).isEqualTo("answer");
        assertThat(f.in("desk")).hasSize(12);
        assertThat(f.out("desk")).hasSize(1);
        f.assertMirrorsConsistent();
        f.assertCountersMatchEdges();
    }

    /** The key holding the person's line about the other, from the part count their string states. */
    private static String linePart(StoreFixture f, String person, String other) {
        int count = AdjacencyParts.countOf(f.redis.get(f.key("adj:" + person)));
        return count == 0 ? f.key("adj:" + person) : f.key("adj-part:" + person + ":" + AdjacencyParts.index(other, count));
    }

    private static void apply(StoreFixture f, int op, String up, String down, Instant now, Random random) {
        try {
            switch (op) {
                case 0 -> f.store.savePerson(f.tenant, person(up, random, 1 + random.nextInt(3)));
                case 1, 2, 3 -> f.store.claim(f.tenant, id(up), id(down), StoreFixture.terms(
                        "work " + random.nextInt(5), Criticality.values()[random.nextInt(3)]),
                        random.nextBoolean() ? Side.UPSTREAM : Side.DOWNSTREAM, now);
                case 4, 5 -> f.store.confirm(f.tenant, id(up), id(down), Side.DOWNSTREAM, now);
                case 6 -> f.store.dispute(f.tenant, id(up), id(down), Side.UPSTREAM, now);
                case 7 -> f.store.removeHandoff(f.tenant, id(up), id(down));
                case 8 -> f.store.importHandoffs(f.tenant, List.of(edge(random, up, down), edge(random, down, up)));
                default -> {
                    if (random.nextInt(4) == 0) {
                        f.store.deletePerson(f.tenant, id(up));
                        f.store.savePerson(f.tenant, person(up, random, 0));
                    }
                }
            }
        } catch (GraphException | IllegalStateException expected) {
            // the same refusal on both stores (no such handoff, a person confirming their own dispute...)
        }
    }

    private static void assertSameAnswers(StoreFixture whole, StoreFixture split, List<String> people, Random random) {
        assertThat(split.store.graph(split.tenant)).isEqualTo(whole.store.graph(whole.tenant));
        assertThat(split.store.teamMap(split.tenant)).isEqualTo(whole.store.teamMap(whole.tenant));
        for (String centre : List.of("p0", "p1", people.get(random.nextInt(people.size())))) {
            for (int depth = 1; depth <= Neighbourhood.MAX_DEPTH; depth++) {
                assertThat(inOrder(split.store.neighbourhood(split.tenant, id(centre), depth).graph()))
                        .isEqualTo(inOrder(whole.store.neighbourhood(whole.tenant, id(centre), depth).graph()));
            }
            for (Side side : Side.values()) {
                assertThat(inOrder(split.store.chain(split.tenant, Set.of(id(centre)), Set.of(), side, 2)))
                        .isEqualTo(inOrder(whole.store.chain(whole.tenant, Set.of(id(centre)), Set.of(), side, 2)));
            }
            assertThat(split.store.person(split.tenant, id(centre))).isEqualTo(whole.store.person(whole.tenant, id(centre)));
        }
        for (int i = 0; i < 20; i++) {
            PersonId up = id(people.get(random.nextInt(people.size())));
            PersonId down = id(random.nextBoolean() ? "p0" : people.get(random.nextInt(people.size())));
            if (!up.equals(down)) {
                assertThat(split.store.handoff(split.tenant, up, down)).isEqualTo(whole.store.handoff(whole.tenant, up, down));
            }
        }
    }

    /** The same graph with its edges in one order (a map lists edges in the order its lines were read). */
    private static OrgGraph inOrder(OrgGraph graph) {
        List<Handoff> edges = new ArrayList<>(graph.edges());
        edges.sort(java.util.Comparator.comparing((Handoff e) -> e.upstream().value())
                .thenComparing(e -> e.downstream().value()));
        return new OrgGraph(new java.util.TreeMap<>(graph.people()), graph.teams(), edges);
    }

    private static Person person(String id, Random random, int variant) {
        return new Person(id(id), "Person " + id + (variant == 0 ? "" : " v" + variant), null,
                TeamId.of(TEAMS.get(random.nextInt(TEAMS.size()))),
                ZoneId.of(variant % 2 == 0 ? "UTC" : "Europe/Berlin"), Map.of());
    }

    private static Handoff edge(Random random, String up, String down) {
        Instant created = T0.minusSeconds(random.nextInt(1_000_000));
        HandoffTerms terms = StoreFixture.terms("item " + random.nextInt(7), Criticality.values()[random.nextInt(3)]);
        return random.nextBoolean()
                ? new Handoff(id(up), id(down), terms, Health.OK, ClaimedBy.BOTH, EdgeStatus.CONFIRMED, T0, created, T0)
                : new Handoff(id(up), id(down), terms, Health.OK, ClaimedBy.UPSTREAM, EdgeStatus.CLAIMED, null, created,
                        created);
    }
}
