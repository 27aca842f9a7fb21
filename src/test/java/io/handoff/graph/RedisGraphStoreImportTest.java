package io.handoff.graph;

import static io.handoff.graph.StoreFixture.T0;
import static io.handoff.graph.StoreFixture.day;
import static io.handoff.graph.StoreFixture.id;
import static io.handoff.graph.StoreFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bulk import of handoffs: each batch is one Lua script that writes both mirrors and moves the team counters by the
 * batch's net change. Ana and Dan are in ops, Ben and Cid in sales, Eve has no team yet.
 */
class RedisGraphStoreImportTest {
    private static final HandoffTerms REPORT = terms("weekly report", Criticality.IMPORTANT);
    private static final HandoffTerms ROTA = new HandoffTerms("driver rota", Frequency.DAILY, Criticality.CRITICAL);

    private final StoreFixture f = new StoreFixture();
    private final GraphStore store = f.store;
    private final PersonId ana = id("ana");
    private final PersonId ben = id("ben");
    private final PersonId cid = id("cid");
    private final PersonId dan = id("dan");
    private final PersonId eve = id("eve");

    @BeforeEach
    void organisation() {
        organisation(f);
    }

    private static void organisation(StoreFixture fixture) {
        fixture.team("ops", "Operations");
        fixture.team("sales", "Sales");
        fixture.person("ana", "Ana Ops", "ops");
        fixture.person("dan", "Dan Ops", "ops");
        fixture.person("ben", "Ben Sales", "sales");
        fixture.person("cid", "Cid Sales", "sales");
        fixture.person("eve", "Eve New", null);
    }

    private Handoff claimed(PersonId up, PersonId down, HandoffTerms terms, Side by) {
        return Handoff.claimed(up, down, terms, by, T0);
    }

    @Test
    void importWritesBothMirrorsAndTheTeamCounters() {
        Handoff anaToBen = claimed(ana, ben, REPORT, Side.UPSTREAM);
        Handoff benToCid = claimed(ben, cid, ROTA, Side.DOWNSTREAM).confirmedBy(Side.UPSTREAM, day(1));
        Handoff cidToAna = claimed(cid, ana, REPORT, Side.UPSTREAM).disputedBy(Side.DOWNSTREAM, day(2));
        Handoff danToAna = claimed(dan, ana, ROTA, Side.UPSTREAM);
        Handoff eveToDan = claimed(eve, dan, REPORT, Side.UPSTREAM);

        int written = store.importHandoffs(f.tenant, List.of(anaToBen, benToCid, cidToAna, danToAna, eveToDan));

        assertThat(written).isEqualTo(5);
        assertThat(store.handoff(f.tenant, ana, ben)).contains(anaToBen);
        assertThat(store.handoff(f.tenant, ben, cid)).contains(benToCid);
        assertThat(store.handoff(f.tenant, cid, ana)).contains(cidToAna);
        assertThat(store.handoff(f.tenant, eve, dan)).contains(eveToDan);
        assertThat(f.out("ben")).isEqualTo(Map.of("cid", EdgeCodec.encode(benToCid)));
        assertThat(f.in("cid")).isEqualTo(Map.of("ben", EdgeCodec.encode(benToCid)));
        assertThat(f.teamEdges()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("ops>sales>n", "1"), Map.entry("ops>sales>i", "1"), Map.entry("ops>sales>h", "1"),
                Map.entry("sales>sales>n", "1"), Map.entry("sales>sales>c", "1"), Map.entry("sales>sales>f", "1"),
                Map.entry("sales>ops>n", "1"), Map.entry("sales>ops>i", "1"), Map.entry("sales>ops>x", "1"),
                Map.entry("ops>ops>n", "1"), Map.entry("ops>ops>c", "1"), Map.entry("ops>ops>h", "1")));
        f.assertMirrorsConsistent();
        f.assertCountersMatchEdges();
    }

    @Test
    void importLeavesTheSameStateAsTheOneAtATimeWrites() {
        StoreFixture other = new StoreFixture();
        organisation(other);
        other.claim("ana", "ben", "weekly report", Criticality.IMPORTANT, Side.UPSTREAM, T0);
        other.claim("ana", "ben", "weekly report", Criticality.CRITICAL, Side.DOWNSTREAM, day(1));
        other.claim("ben", "cid", "driver rota", Criticality.ROUTINE, Side.DOWNSTREAM, T0);
        other.claim("cid", "dan", "returns", Criticality.IMPORTANT, Side.UPSTREAM, T0);
        other.store.dispute(other.tenant, cid, dan, Side.DOWNSTREAM, day(2));
        other.claim("eve", "ana", "questions", Criticality.ROUTINE, Side.UPSTREAM, T0);
        List<Handoff> edges = other.store.graph(other.tenant).edges();

        assertThat(store.importHandoffs(f.tenant, edges)).isEqualTo(4);

        assertThat(withoutTenant(f.snapshot(), f)).isEqualTo(withoutTenant(other.snapshot(), other));
    }

    @Test
    void importLeavesTheSameStateAsTheOneAtATimeWritesForPeopleWithEmailsZonesAndIdentities() {
        // The import cuts each person's summary (name, no email, team, zone) from their card itself: with an email
        // and fields after the zone on the card it must still be exactly what the one-at-a-time writes store.
        StoreFixture one = new StoreFixture();
        StoreFixture bulk = new StoreFixture();
        for (StoreFixture fixture : List.of(one, bulk)) {
            fixture.team("ops", "Operations");
            fixture.team("sales", "Sales");
            fixture.store.savePerson(fixture.tenant, new Person(id("gus"), "Gus Ops", "gus@depot.example",
                    TeamId.of("ops"), java.time.ZoneId.of("Europe/Paris"), Map.of(Platform.SLACK, "U123GUS")));
            fixture.store.savePerson(fixture.tenant, new Person(id("ida"), "Ida Sales", "ida@depot.example",
                    TeamId.of("sales"), java.time.ZoneId.of("America/Chicago"), Map.of()));
            fixture.store.savePerson(fixture.tenant, new Person(id("kit"), "Kit", null, TeamId.of("sales"),
                    java.time.ZoneId.of("Asia/Tokyo"), Map.of(Platform.TEAMS, "29:kit")));
        }
        one.claim("gus", "ida", "weekly report", Criticality.IMPORTANT, Side.UPSTREAM, T0);
        one.claim("ida", "kit", "driver rota", Criticality.CRITICAL, Side.DOWNSTREAM, T0);
        one.claim("kit", "gus", "returns", Criticality.ROUTINE, Side.UPSTREAM, T0);
        List<Handoff> edges = one.store.graph(one.tenant).edges();

        assertThat(bulk.store.importHandoffs(bulk.tenant, edges)).isEqualTo(3);

        assertThat(withoutTenant(bulk.snapshot(), bulk)).isEqualTo(withoutTenant(one.snapshot(), one));
    }

    private static Map<String, Object> withoutTenant(Map<String, Object> snapshot, StoreFixture fixture) {
        Map<String, Object> renamed = new TreeMap<>();
        snapshot.forEach((key, value) -> renamed.put(key.substring(fixture.key("").length()), value));
        // Each tenant's team directory carries its own random version token; only its presence is comparable.
        renamed.computeIfPresent("teams-version", (key, token) -> "(a token)");
        return renamed;
    }

    @Test
    void importingTheSameHandoffsAgainChangesNothing() {
        List<Handoff> edges = List.of(claimed(ana, ben, REPORT, Side.UPSTREAM), claimed(ben, ana, ROTA, Side.UPSTREAM));
        store.importHandoffs(f.tenant, edges);
        Map<String, Object> before = f.snapshot();

        int written = store.importHandoffs(f.tenant, edges);

        assertThat(written).isZero();
        assertThat(f.snapshot()).isEqualTo(before);
    }

    @Test
    void importReplacesAnExistingHandoffAndMovesItsCounters() {
        store.claim(f.tenant, ana, ben, REPORT, Side.UPSTREAM, T0);
        Handoff confirmedCritical = claimed(ana, ben, terms("weekly report", Criticality.CRITICAL), Side.UPSTREAM)
                .confirmedBy(Side.DOWNSTREAM, day(3));

        int written = store.importHandoffs(f.tenant, List.of(confirmedCritical));

        assertThat(written).isEqualTo(1);
        assertThat(store.handoff(f.tenant, ana, ben)).contains(confirmedCritical);
        assertThat(f.teamEdges()).isEqualTo(Map.of("ops>sales>n", "1", "ops>sales>c", "1", "ops>sales>f", "1"));
        f.assertMirrorsConsistent();
    }

    @Test
    void theLastOfTwoVersionsOfOneHandoffInABatchWins() {
        Handoff first = claimed(ana, ben, REPORT, Side.UPSTREAM);
        Handoff second = first.disputedBy(Side.DOWNSTREAM, day(1));

        assertThat(store.importHandoffs(f.tenant, List.of(first, second))).isEqualTo(2);

        assertThat(store.handoff(f.tenant, ana, ben)).contains(second);
        assertThat(f.teamEdges()).isEqualTo(Map.of("ops>sales>n", "1", "ops>sales>i", "1", "ops>sales>x", "1"));
    }

    @Test
    void aBatchNamingAnUnknownPersonIsRefusedWholeAndWritesNothing() {
        PersonId ghost = id("ghost");
        Map<String, Object> before = f.snapshot();

        assertThatThrownBy(() -> store.importHandoffs(f.tenant,
                List.of(claimed(ana, ben, REPORT, Side.UPSTREAM), claimed(ben, ghost, REPORT, Side.UPSTREAM))))
                .isInstanceOfSatisfying(UnknownPersonException.class, e -> assertThat(e.person()).isEqualTo(ghost));
        assertThatThrownBy(() -> store.importHandoffs(f.tenant, List.of(claimed(ghost, ana, REPORT, Side.UPSTREAM))))
                .isInstanceOfSatisfying(UnknownPersonException.class, e -> assertThat(e.person()).isEqualTo(ghost));

        assertThat(f.snapshot()).isEqualTo(before);
    }

    @Test
    void aLargeImportIsWrittenInAtomicBatchesWithRightCounters() {
        Random random = new Random(7);
        List<String> teams = List.of("ops", "sales", "depot");
        f.team("depot", "Depot");
        List<PersonId> people = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            people.add(f.person("p" + i, "Person " + i, teams.get(i % 3)).id());
        }
        Map<String, Handoff> unique = new LinkedHashMap<>();
        while (unique.size() < 2 * GraphStore.IMPORT_BATCH + 100) {
            PersonId up = people.get(random.nextInt(people.size()));
            PersonId down = people.get(random.nextInt(people.size()));
            if (!up.equals(down)) {
                Handoff edge = claimed(up, down, new HandoffTerms("thing " + random.nextInt(9),
                        Frequency.values()[random.nextInt(4)], Criticality.values()[random.nextInt(3)]), Side.UPSTREAM);
                unique.put(up + ">" + down, random.nextBoolean() ? edge : edge.confirmedBy(Side.DOWNSTREAM, day(1)));
            }
        }
        List<Handoff> edges = List.copyOf(unique.values());

        assertThat(store.importHandoffs(f.tenant, edges)).isEqualTo(edges.size());

        assertThat(store.graph(f.tenant).edges()).hasSize(edges.size());
        f.assertMirrorsConsistent();
        f.assertCountersMatchEdges();
    }

    @Test
    void afterAnImportEveryPersonTakesNoMoreMemoryThanTheirTextNeeds() {
        // Batches append to people's strings (room to grow is left each time); the import gives the room back.
        Random random = new Random(9);
        List<PersonId> people = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            people.add(f.person("m" + i, "M " + i, i % 2 == 0 ? "ops" : "sales").id());
        }
        // A server that has not seen the scripts yet (restarted, or a new replica's first import): NOSCRIPT is
        // answered to the pipelined batches and compactions, which are then run directly.
        f.redis.scriptFlush();
        store.importHandoffs(f.tenant, reportsBetween(random, people, 3 * GraphStore.IMPORT_BATCH));

        for (PersonId person : people) {
            String key = f.key("adj:" + person.value());
            String text = f.redis.get(key);
            // The same text, set afresh under a name as long (MEMORY USAGE counts the name too).
            String copy = f.key("adk:" + person.value());
            f.redis.set(copy, text);
            assertThat(f.redis.memoryUsage(key)).as("memory of %s's %,d characters", person, text.length())
                    .isEqualTo(f.redis.memoryUsage(copy));
            f.redis.del(copy);
        }
    }

    @Test
    void aBatchNamingHundredsOfPeopleWritesEveryEdgeBetweenTheRightTwo() {
        // The script numbers the people a batch names with two base-64 digits: past 64 the first digit counts.
        Random random = new Random(13);
        List<PersonId> people = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            people.add(f.person("w" + i, "W " + i, i % 3 == 0 ? "ops" : "sales").id());
        }
        List<Handoff> edges = reportsBetween(random, people, GraphStore.IMPORT_BATCH);

        assertThat(store.importHandoffs(f.tenant, edges)).isEqualTo(GraphStore.IMPORT_BATCH);

        assertThat(store.graph(f.tenant).edges()).containsExactlyInAnyOrderElementsOf(edges);
        f.assertMirrorsConsistent();
        f.assertCountersMatchEdges();
    }

    @Test
    void aRefusedBatchKeepsTheBatchesBeforeIt() {
        List<Handoff> edges = new ArrayList<>();
        List<PersonId> people = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            people.add(f.person("q" + i, "Q " + i, i % 2 == 0 ? "ops" : "sales").id());
        }
        for (PersonId up : people) {
            for (PersonId down : people) {
                if (!up.equals(down) && edges.size() < GraphStore.IMPORT_BATCH + 50) {
                    edges.add(claimed(up, down, REPORT, Side.UPSTREAM));
                }
            }
        }
        edges.set(GraphStore.IMPORT_BATCH + 10, claimed(ana, id("ghost"), REPORT, Side.UPSTREAM));

        assertThatThrownBy(() -> store.importHandoffs(f.tenant, edges)).isInstanceOf(UnknownPersonException.class);

        // Batches are written in ImportOrder's order: the ones before the batch naming the ghost are kept.
        List<Handoff> written = ImportOrder.clustered(edges, GraphStore.IMPORT_BATCH);
        int refused = written.indexOf(edges.get(GraphStore.IMPORT_BATCH + 10)) / GraphStore.IMPORT_BATCH;
        assertThat(store.graph(f.tenant).edges()).containsExactlyInAnyOrderElementsOf(
                written.subList(0, refused * GraphStore.IMPORT_BATCH));
        f.assertCountersMatchEdges();
    }

    @Test
    void ofTwoVersionsOfOneHandoffInDifferentBatchesTheLaterGivenWins() {
        Random random = new Random(11);
        List<PersonId> people = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            people.add(f.person("r" + i, "R " + i, i % 2 == 0 ? "ops" : "sales").id());
        }
        List<Handoff> edges = new ArrayList<>(reportsBetween(random, people, 2 * GraphStore.IMPORT_BATCH));
        Handoff first = claimed(ana, ben, REPORT, Side.UPSTREAM);
        Handoff later = first.disputedBy(Side.DOWNSTREAM, day(1));
        edges.add(0, first);
        edges.add(later);

        store.importHandoffs(f.tenant, edges);

        assertThat(store.handoff(f.tenant, ana, ben)).contains(later);
        assertThat(store.graph(f.tenant).edges()).hasSize(2 * GraphStore.IMPORT_BATCH + 1);
        f.assertMirrorsConsistent();
        f.assertCountersMatchEdges();
    }

    /** {@code count} weekly reports claimed upstream between random pairs of {@code people}, each pair once. */
    private List<Handoff> reportsBetween(Random random, List<PersonId> people, int count) {
        Map<String, Handoff> unique = new LinkedHashMap<>();
        while (unique.size() < count) {
            PersonId up = people.get(random.nextInt(people.size()));
            PersonId down = people.get(random.nextInt(people.size()));
            if (!up.equals(down)) {
                unique.put(up + ">" + down, claimed(up, down, REPORT, Side.UPSTREAM));
            }
        }
        return List.copyOf(unique.values());
    }
}
