package io.handoff.graph;

import static io.handoff.graph.StoreFixture.T0;
import static io.handoff.graph.StoreFixture.day;
import static io.handoff.graph.StoreFixture.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.handoff.testing.TestRedis;

/**
 * People, teams and identities in Redis, and how saving or deleting a person keeps the team counters, the team
 * membership sets, the manager lists and the identity index in step with the person edges.
 */
class RedisGraphStorePeopleTest {
    private final StoreFixture f = new StoreFixture();
    private final GraphStore store = f.store;

    private static Person withSlack(String id, String name, String team, String slackId) {
        return Person.of(id, name, team).withIdentity(Platform.SLACK, slackId);
    }

    // ---- people and teams ----

    @Test
    void aPersonRoundTripsWithEveryField() {
        Person eva = new Person(id("eva"), "Eva Engineer", "eva@example.com", TeamId.of("eng"),
                ZoneId.of("Europe/Berlin"), Map.of(Platform.SLACK, "U123", Platform.TEAMS, "aad-9f"));

        store.savePerson(f.tenant, eva);

        assertThat(store.person(f.tenant, id("eva"))).contains(eva);
        assertThat(store.person(f.tenant, id("nobody"))).isEmpty();
        assertThat(f.personFields("eva")).isEqualTo(Map.of("name", "Eva Engineer", "email", "eva@example.com",
                "team", "eng", "tz", "Europe/Berlin", "id:slack", "U123", "id:teams", "aad-9f"));
        assertThat(f.set("people")).containsExactly("eva");
        assertThat(f.set("members:eng")).containsExactly("eva");
        assertThat(f.hash("identities")).isEqualTo(Map.of("slack:U123", "eva", "teams:aad-9f", "eva",
                "email:eva@example.com", "eva"));
        assertThat(f.adjacency("eva")).isEqualTo("Eva Engineer\teva@example.com\teng\tEurope/Berlin\tU123\taad-9f\t");
        assertThat(f.keys()).containsExactly(f.key("adj:eva"), f.key("identities"), f.key("members:eng"),
                f.key("people"));
        f.assertMirrorsConsistent();
    }

    @Test
    void findsAPersonByEmailWhateverItsCaseAndForgetsItWithThePerson() {
        store.savePerson(f.tenant, new Person(id("eva"), "Eva Engineer", "Eva@Example.com", TeamId.of("eng"),
                ZoneId.of("UTC"), Map.of()));

        assertThat(store.personByEmail(f.tenant, " EVA@example.COM ")).contains(id("eva"));
        assertThat(store.personByEmail(f.tenant, "other@example.com")).isEmpty();
        assertThat(store.personByEmail(f.tenant, "")).isEmpty();

        store.deletePerson(f.tenant, id("eva"));
        assertThat(store.personByEmail(f.tenant, "eva@example.com")).isEmpty();
    }

    @Test
    void savingAPersonTwiceChangesNothing() {
        Person eva = withSlack("eva", "Eva Engineer", "eng", "U123");
        store.savePerson(f.tenant, eva);
        Map<String, Object> before = f.snapshot();

        store.savePerson(f.tenant, eva);

        assertThat(f.snapshot()).isEqualTo(before);
        assertThat(store.person(f.tenant, id("eva"))).contains(eva);
    }

    @Test
    void aGraphStoredInTheLayoutBeforeAdjacencyStringsIsMovedOnceAndReadsTheSame() {
        // The layout of earlier versions, written by hand: person hashes, out/in hashes, a cards hash.
        f.team("ops", "Operations");
        f.team("sales", "Sales");
        f.redis.sadd(f.key("people"), "ana", "ben", "cid");
        f.redis.hset(f.key("person:ana"), Map.of("name", "Ana", "email", "ana@example.com", "team", "ops",
                "tz", "Europe/Berlin", "id:slack", "UANA"));
        f.redis.hset(f.key("person:ben"), Map.of("name", "Ben", "team", "sales", "tz", "UTC"));
        f.redis.hset(f.key("person:cid"), Map.of("name", "Cid", "tz", "UTC"));
        f.redis.hset(f.key("out:ana"), Map.of("ben", "WCOBF;ssjic0;ssld00;ssld00;orders",
                "cid", "WROUC;ssjic0;ssjic0;;forecast"));
        f.redis.hset(f.key("in:ben"), Map.of("ana", "WCOBF;ssjic0;ssld00;ssld00;orders"));
        f.redis.hset(f.key("in:cid"), Map.of("ana", "WROUC;ssjic0;ssjic0;;forecast"));
        f.redis.hset(f.key("cards"), Map.of("ana", "name\tAna", "ben", "name\tBen", "cid", "name\tCid"));

        assertThat(f.store.upgradeLegacyLayout(f.tenant)).isEqualTo(3);

        assertThat(f.keys()).containsExactly(f.key("adj:ana"), f.key("adj:ben"), f.key("adj:cid"), f.key("people"),
                f.key("teams"), f.key("teams-version"));
        assertThat(f.adjacency("ana")).isEqualTo("Ana\tana@example.com\tops\tEurope/Berlin\tUANA\t\t"
                + "\n>ben\tWCOBF;ssjic0;ssld00;ssld00;orders\tBen\t\tsales\tUTC"
                + "\n>cid\tWROUC;ssjic0;ssjic0;;forecast\tCid\t\t\tUTC");
        f.assertMirrorsConsistent();
        assertThat(store.person(f.tenant, id("ana"))).contains(new Person(id("ana"), "Ana", "ana@example.com",
                TeamId.of("ops"), ZoneId.of("Europe/Berlin"), Map.of(Platform.SLACK, "UANA")));
        assertThat(store.handoff(f.tenant, id("ana"), id("cid")).orElseThrow().what()).isEqualTo("forecast");
        assertThat(store.graph(f.tenant).edges()).hasSize(2);
        assertThat(store.neighbourhood(f.tenant, id("ben"), 2).graph().people().keySet())
                .containsExactly(id("ben"), id("ana"), id("cid"));

        Map<String, Object> after = f.snapshot();
        assertThat(f.store.upgradeLegacyLayout(f.tenant)).isZero();
        assertThat(f.snapshot()).isEqualTo(after);
    }

    @Test
    void anUpgradeStoppedHalfWayFinishesWhenRunAgain() {
        f.redis.sadd(f.key("people"), "ana", "ben");
        f.redis.hset(f.key("person:ana"), Map.of("name", "Ana", "tz", "UTC"));
        f.redis.hset(f.key("person:ben"), Map.of("name", "Ben", "tz", "UTC"));
        f.redis.hset(f.key("out:ana"), Map.of("ben", "WROUC;ssjic0;ssjic0;;rota"));
        f.redis.hset(f.key("in:ben"), Map.of("ana", "WROUC;ssjic0;ssjic0;;rota"));
        // The first run wrote Ana's string and stopped while deleting the old keys: her hash is gone, the cards hash
        // (deleted last) is still there.
        f.redis.set(f.key("adj:ana"), "Ana\t\t\tUTC\t\t\t\n>ben\tWROUC;ssjic0;ssjic0;;rota\tBen\t\t\tUTC");
        f.redis.del(f.key("person:ana"));
        f.redis.hset(f.key("cards"), "upgrade", "unfinished");

        assertThat(f.store.upgradeLegacyLayout(f.tenant)).isEqualTo(1);

        assertThat(f.keys()).containsExactly(f.key("adj:ana"), f.key("adj:ben"), f.key("people"));
        assertThat(f.in("ben")).isEqualTo(Map.of("ana", "WROUC;ssjic0;ssjic0;;rota"));
        f.assertMirrorsConsistent();
    }

    @Test
    void clearingOptionalFieldsRemovesThem() {
        store.savePerson(f.tenant, new Person(id("eva"), "Eva Engineer", "eva@example.com", TeamId.of("eng"),
                ZoneId.of("Europe/Berlin"), Map.of(Platform.SLACK, "U123")));

        store.savePerson(f.tenant, Person.of("eva", "Eva E.", null));

        assertThat(f.personFields("eva")).isEqualTo(Map.of("name", "Eva E.", "tz", "UTC"));
        assertThat(store.person(f.tenant, id("eva"))).contains(Person.of("eva", "Eva E.", null));
        assertThat(f.keys()).containsExactly(f.key("adj:eva"), f.key("people"));
        f.assertMirrorsConsistent();
    }

    @Test
    void savingATeamStoresItsNameAndManagers() {
        f.team("eng", "Engineering", "eva", "max");
        f.team("ops", "Operations");

        assertThat(f.hash("teams")).isEqualTo(Map.of("eng", "Engineering", "ops", "Operations"));
        assertThat(f.hash("team-managers")).isEqualTo(Map.of("eng", "eva,max"));

        f.team("eng", "Engineering & Data");

        assertThat(f.hash("teams")).isEqualTo(Map.of("eng", "Engineering & Data", "ops", "Operations"));
        assertThat(f.keys()).containsExactly(f.key("teams"), f.key("teams-version"));
        assertThat(store.teamMap(f.tenant).teams()).isEqualTo(Map.of(
                TeamId.of("eng"), Team.of("eng", "Engineering & Data"),
                TeamId.of("ops"), Team.of("ops", "Operations")));
    }

    // ---- team counters ----

    @Test
    void countersFollowASeriesOfChangesAcrossTeams() {
        f.person("ana", "Ana", "ops");
        f.person("ben", "Ben", "sales");
        f.person("cid", "Cid", "sales");
        f.person("dot", "Dot", "eng");
        f.person("eli", "Eli", "eng");

        f.claim("ana", "ben", "report", Criticality.IMPORTANT, Side.UPSTREAM, T0);
        f.claim("ana", "ben", "report", Criticality.IMPORTANT, Side.DOWNSTREAM, day(1));
        f.claim("ben", "cid", "leads", Criticality.ROUTINE, Side.DOWNSTREAM, T0);
        f.claim("dot", "ana", "deploys", Criticality.CRITICAL, Side.UPSTREAM, T0);
        f.claim("eli", "ana", "alerts", Criticality.CRITICAL, Side.DOWNSTREAM, T0);
        store.confirm(f.tenant, id("eli"), id("ana"), Side.UPSTREAM, day(1));
        f.claim("dot", "eli", "reviews", Criticality.ROUTINE, Side.UPSTREAM, T0);
        store.dispute(f.tenant, id("dot"), id("eli"), Side.DOWNSTREAM, day(1));
        f.claim("cid", "dot", "feedback", Criticality.IMPORTANT, Side.UPSTREAM, T0);
        f.claim("eli", "cid", "specs", Criticality.ROUTINE, Side.UPSTREAM, T0);
        store.removeHandoff(f.tenant, id("eli"), id("cid"));
        // downstream raises the criticality: the counter moves from routine to critical
        f.claim("ben", "cid", "leads", Criticality.CRITICAL, Side.DOWNSTREAM, day(2));

        assertThat(f.teamEdges()).isEqualTo(new TreeMap<>(Map.ofEntries(
                Map.entry("ops>sales>n", "1"), Map.entry("ops>sales>i", "1"), Map.entry("ops>sales>f", "1"),
                Map.entry("sales>sales>n", "1"), Map.entry("sales>sales>c", "1"), Map.entry("sales>sales>h", "1"),
                Map.entry("eng>ops>n", "2"), Map.entry("eng>ops>c", "2"), Map.entry("eng>ops>h", "1"),
                Map.entry("eng>ops>f", "1"),
                Map.entry("eng>eng>n", "1"), Map.entry("eng>eng>r", "1"), Map.entry("eng>eng>x", "1"),
                Map.entry("sales>eng>n", "1"), Map.entry("sales>eng>i", "1"), Map.entry("sales>eng>h", "1"))));
        assertThat(Set.copyOf(store.teamMap(f.tenant).links())).isEqualTo(Set.of(
                link("ops", "sales", 1, 0, 1, 0, 1, 0, 0),
                link("sales", "sales", 1, 0, 0, 1, 0, 0, 1),
                link("eng", "ops", 2, 0, 0, 2, 1, 0, 1),
                link("eng", "eng", 1, 1, 0, 0, 0, 1, 0),
                link("sales", "eng", 1, 0, 1, 0, 0, 0, 1)));
        f.assertCountersMatchEdges();
        assertThat(Set.copyOf(store.teamMap(f.tenant).links()))
                .isEqualTo(Set.copyOf(GraphQueries.teamMap(store.graph(f.tenant)).links()));
    }

    @Test
    void movingAPersonToAnotherTeamMovesTheirCounters() {
        f.person("ana", "Ana", "ops");
        f.person("ben", "Ben", "sales");
        f.person("cid", "Cid", "sales");
        f.claim("ana", "ben", "report", Criticality.IMPORTANT, Side.UPSTREAM, T0);
        f.claim("cid", "ana", "leads", Criticality.CRITICAL, Side.UPSTREAM, T0);
        store.confirm(f.tenant, id("cid"), id("ana"), Side.DOWNSTREAM, day(1));
        f.claim("ben", "cid", "quotes", Criticality.ROUTINE, Side.UPSTREAM, T0);

        f.person("ana", "Ana", "sales");

        assertThat(f.teamEdges()).isEqualTo(Map.of(
                "sales>sales>n", "3", "sales>sales>i", "1", "sales>sales>c", "1", "sales>sales>r", "1",
                "sales>sales>h", "2", "sales>sales>f", "1"));
        assertThat(f.set("members:sales")).containsExactly("ana", "ben", "cid");
        assertThat(f.keys()).doesNotContain(f.key("members:ops"));
        f.assertCountersMatchEdges();

        f.person("ana", "Ana", "eng");

        assertThat(f.teamEdges()).isEqualTo(Map.of(
                "eng>sales>n", "1", "eng>sales>i", "1", "eng>sales>h", "1",
                "sales>eng>n", "1", "sales>eng>c", "1", "sales>eng>f", "1",
                "sales>sales>n", "1", "sales>sales>r", "1", "sales>sales>h", "1"));
        assertThat(f.set("members:eng")).containsExactly("ana");
        assertThat(f.set("members:sales")).containsExactly("ben", "cid");
        f.assertCountersMatchEdges();
        f.assertMirrorsConsistent();
    }

    @Test
    void aNewNameOrZoneReachesTheLinesOfEveryColleagueButANewEmailStaysOnTheCard() {
        f.person("ana", "Ana", "ops");
        f.person("ben", "Ben", "sales");
        f.person("cid", "Cid", "sales");
        f.claim("ana", "ben", "report", Criticality.IMPORTANT, Side.UPSTREAM, T0);
        f.claim("cid", "ana", "leads", Criticality.CRITICAL, Side.UPSTREAM, T0);
        f.claim("ben", "ana", "orders", Criticality.ROUTINE, Side.UPSTREAM, T0);
        String cidBefore = f.adjacency("cid");

        store.savePerson(f.tenant, new Person(id("ana"), "Ana Rivera", "ana@example.com", TeamId.of("ops"),
                ZoneId.of("America/Lima"), Map.of(Platform.SLACK, "UANA")));

        assertThat(f.adjacency("ben")).isEqualTo("Ben\t\tsales\tUTC\t\t\t"
                + "\n<ana\tWIOUC;ssjic0;ssjic0;;report\tAna Rivera\t\tops\tAmerica/Lima"
                + "\n>ana\tWROUC;ssjic0;ssjic0;;orders\tAna Rivera\t\tops\tAmerica/Lima");
        assertThat(f.adjacency("cid")).isEqualTo(cidBefore.replace("Ana\t\tops\tUTC", "Ana Rivera\t\tops\tAmerica/Lima"));
        f.assertMirrorsConsistent();

        Map<String, Object> before = f.snapshot();
        store.savePerson(f.tenant, new Person(id("ana"), "Ana Rivera", "rivera@example.com", TeamId.of("ops"),
                ZoneId.of("America/Lima"), Map.of(Platform.SLACK, "UANA2")));

        Map<String, Object> after = f.snapshot();
        assertThat(after.get(f.key("adj:ben"))).isEqualTo(before.get(f.key("adj:ben")));
        assertThat(after.get(f.key("adj:cid"))).isEqualTo(before.get(f.key("adj:cid")));
        assertThat(f.personFields("ana")).containsEntry("email", "rivera@example.com").containsEntry("id:slack", "UANA2");
        assertThat(f.hash("identities")).isEqualTo(Map.of("email:rivera@example.com", "ana", "slack:UANA2", "ana"));
    }

    @Test
    void aPersonWithoutATeamIsCountedOnlyOnceGivenOne() {
        f.person("ana", "Ana", "ops");
        f.person("nina", "Nina Temp", null);
        f.claim("nina", "ana", "extra hands", Criticality.ROUTINE, Side.DOWNSTREAM, T0);
        f.claim("ana", "nina", "rota", Criticality.IMPORTANT, Side.UPSTREAM, T0);

        assertThat(f.keys()).doesNotContain(f.key("teamedges"));
        assertThat(store.teamMap(f.tenant).links()).isEmpty();
        assertThat(store.graph(f.tenant).edges()).hasSize(2);

        f.person("nina", "Nina Temp", "ops");

        assertThat(f.teamEdges()).isEqualTo(Map.of("ops>ops>n", "2", "ops>ops>r", "1", "ops>ops>i", "1",
                "ops>ops>h", "2"));
        assertThat(f.set("members:ops")).containsExactly("ana", "nina");
        f.assertCountersMatchEdges();

        f.person("nina", "Nina Temp", null);

        assertThat(f.keys()).doesNotContain(f.key("teamedges"));
        assertThat(f.set("members:ops")).containsExactly("ana");
        assertThat(f.personFields("nina")).isEqualTo(Map.of("name", "Nina Temp", "tz", "UTC"));
        f.assertCountersMatchEdges();
    }

    @Test
    void countersNeverGoNegativeAndZeroCountersAreRemoved() {
        f.person("ana", "Ana", "ops");
        f.person("ben", "Ben", "sales");
        f.person("cid", "Cid", "sales");
        f.claim("ana", "ben", "report", Criticality.IMPORTANT, Side.UPSTREAM, T0);
        f.claim("ana", "cid", "rota", Criticality.ROUTINE, Side.UPSTREAM, T0);

        store.confirm(f.tenant, id("ana"), id("ben"), Side.DOWNSTREAM, day(1));

        assertThat(f.teamEdges()).isEqualTo(Map.of("ops>sales>n", "2", "ops>sales>i", "1", "ops>sales>r", "1",
                "ops>sales>f", "1", "ops>sales>h", "1"));

        store.removeHandoff(f.tenant, id("ana"), id("cid"));

        assertThat(f.teamEdges()).isEqualTo(Map.of("ops>sales>n", "1", "ops>sales>i", "1", "ops>sales>f", "1"));

        store.removeHandoff(f.tenant, id("ana"), id("ben"));
        store.removeHandoff(f.tenant, id("ana"), id("ben"));

        assertThat(f.keys()).doesNotContain(f.key("teamedges"));
        assertThat(f.teamEdges()).isEmpty();
        assertThat(store.teamMap(f.tenant).links()).isEmpty();

        f.claim("ana", "ben", "report", Criticality.CRITICAL, Side.DOWNSTREAM, day(2));

        assertThat(f.teamEdges()).isEqualTo(Map.of("ops>sales>n", "1", "ops>sales>c", "1", "ops>sales>h", "1"));
    }

    // ---- deleting people ----

    @Test
    void deletingAPersonRemovesEverythingThatNamesThem() {
        f.team("ops", "Operations", "ana", "max");
        f.team("sales", "Sales", "ana");
        f.team("eng", "Engineering", "max");
        store.savePerson(f.tenant, new Person(id("ana"), "Ana", "ana@example.com", TeamId.of("ops"), null,
                Map.of(Platform.SLACK, "UANA", Platform.TEAMS, "aad-ana")));
        store.savePerson(f.tenant, withSlack("ben", "Ben", "sales", "UBEN"));
        f.person("max", "Max", "ops");
        f.person("eng1", "Eng One", "eng");
        f.claim("ana", "ben", "report", Criticality.IMPORTANT, Side.UPSTREAM, T0);
        f.claim("ben", "ana", "orders", Criticality.CRITICAL, Side.UPSTREAM, T0);
        store.confirm(f.tenant, id("ben"), id("ana"), Side.DOWNSTREAM, day(1));
        f.claim("max", "ana", "rota", Criticality.ROUTINE, Side.DOWNSTREAM, T0);
        f.claim("max", "ben", "invoices", Criticality.ROUTINE, Side.UPSTREAM, T0);
        f.claim("eng1", "max", "laptops", Criticality.IMPORTANT, Side.UPSTREAM, T0);

        String directoryVersion = f.redis.get(f.key("teams-version"));
        assertThat(store.deletePerson(f.tenant, id("ana"))).isTrue();

        assertThat(store.person(f.tenant, id("ana"))).isEmpty();
        String newDirectoryVersion = f.redis.get(f.key("teams-version"));
        assertThat(newDirectoryVersion).as("ana managed teams: the directory changed").isNotEqualTo(directoryVersion);
        assertThat(store.handoff(f.tenant, id("ana"), id("ben"))).isEmpty();
        assertThat(store.personByIdentity(f.tenant, Platform.SLACK, "UANA")).isEmpty();
        assertThat(f.snapshot()).isEqualTo(new TreeMap<>(Map.ofEntries(
                Map.entry(f.key("people"), Set.of("ben", "max", "eng1")),
                Map.entry(f.key("adj:ben"), "Ben\t\tsales\tUTC\tUBEN\t\t"
                        + "\n<max\tWROUC;ssjic0;ssjic0;;invoices\tMax\t\tops\tUTC"),
                Map.entry(f.key("adj:max"), "Max\t\tops\tUTC\t\t\t"
                        + "\n>ben\tWROUC;ssjic0;ssjic0;;invoices\tBen\t\tsales\tUTC"
                        + "\n<eng1\tWIOUC;ssjic0;ssjic0;;laptops\tEng One\t\teng\tUTC"),
                Map.entry(f.key("adj:eng1"), "Eng One\t\teng\tUTC\t\t\t"
                        + "\n>max\tWIOUC;ssjic0;ssjic0;;laptops\tMax\t\tops\tUTC"),
                Map.entry(f.key("members:ops"), Set.of("max")),
                Map.entry(f.key("members:sales"), Set.of("ben")),
                Map.entry(f.key("members:eng"), Set.of("eng1")),
                Map.entry(f.key("identities"), Map.of("slack:UBEN", "ben")),
                Map.entry(f.key("teams"), Map.of("ops", "Operations", "sales", "Sales", "eng", "Engineering")),
                Map.entry(f.key("team-managers"), Map.of("ops", "max", "eng", "max")),
                Map.entry(f.key("teams-version"), newDirectoryVersion),
                Map.entry(f.key("teamedges"), Map.of("ops>sales", "1,1,0,0,0,0,1", "eng>ops", "1,0,1,0,0,0,1")))));
        f.assertCountersMatchEdges();
        f.assertMirrorsConsistent();
        assertThat(store.teamMap(f.tenant).teams().get(TeamId.of("sales"))).isEqualTo(Team.of("sales", "Sales"));

        Map<String, Object> after = f.snapshot();
        assertThat(store.deletePerson(f.tenant, id("ana"))).isFalse();
        assertThat(f.snapshot()).isEqualTo(after);
    }

    @Test
    void deletingAPersonWithoutATeamLeavesOtherCountersAlone() {
        f.person("ana", "Ana", "ops");
        f.person("ben", "Ben", "ops");
        f.person("nina", "Nina Temp", null);
        f.claim("ana", "ben", "rota", Criticality.ROUTINE, Side.UPSTREAM, T0);
        f.claim("nina", "ana", "extra hands", Criticality.CRITICAL, Side.UPSTREAM, T0);
        f.claim("ben", "nina", "training", Criticality.IMPORTANT, Side.DOWNSTREAM, T0);

        assertThat(store.deletePerson(f.tenant, id("nina"))).isTrue();

        assertThat(f.teamEdges()).isEqualTo(Map.of("ops>ops>n", "1", "ops>ops>r", "1", "ops>ops>h", "1"));
        assertThat(f.set("people")).containsExactly("ana", "ben");
        assertThat(f.out("ben")).isEmpty();
        assertThat(f.in("ana")).isEmpty();
        assertThat(f.keys()).containsExactly(f.key("adj:ana"), f.key("adj:ben"), f.key("members:ops"),
                f.key("people"), f.key("teamedges"));
        f.assertMirrorsConsistent();
        f.assertCountersMatchEdges();
    }

    @Test
    void deletingSomeoneWhoIsNotThereReturnsFalseAndWritesNothing() {
        f.person("ana", "Ana", "ops");
        Map<String, Object> before = f.snapshot();

        assertThat(store.deletePerson(f.tenant, id("ghost"))).isFalse();

        assertThat(f.snapshot()).isEqualTo(before);
    }

    // ---- identities ----

    @Test
    void aPersonIsFoundByTheirPlatformIdentity() {
        store.savePerson(f.tenant, withSlack("ana", "Ana", "ops", "UANA").withIdentity(Platform.TEAMS, "aad-ana"));
        store.savePerson(f.tenant, withSlack("ben", "Ben", "ops", "UBEN"));

        assertThat(store.personByIdentity(f.tenant, Platform.SLACK, "UANA")).contains(id("ana"));
        assertThat(store.personByIdentity(f.tenant, Platform.TEAMS, "aad-ana")).contains(id("ana"));
        assertThat(store.personByIdentity(f.tenant, Platform.SLACK, "UBEN")).contains(id("ben"));
        assertThat(store.personByIdentity(f.tenant, Platform.TEAMS, "UANA")).isEmpty();
        assertThat(store.personByIdentity(f.tenant, Platform.SLACK, "UNOBODY")).isEmpty();
        assertThat(store.personByIdentity(f.tenant, Platform.SLACK, " ")).isEmpty();
        assertThat(store.personByIdentity(f.tenant, Platform.SLACK, null)).isEmpty();
        assertThat(store.personByIdentity(TestRedis.uniqueTenant(), Platform.SLACK, "UANA")).isEmpty();
        assertThat(f.hash("identities")).isEqualTo(Map.of("slack:UANA", "ana", "teams:aad-ana", "ana",
                "slack:UBEN", "ben"));
    }

    @Test
    void aSlackIdOwnedByAnotherPersonIsRefusedAndNothingIsWritten() {
        store.savePerson(f.tenant, withSlack("ana", "Ana", "ops", "UANA"));
        store.savePerson(f.tenant, withSlack("ben", "Ben", "sales", "UBEN"));
        f.claim("ana", "ben", "report", Criticality.IMPORTANT, Side.UPSTREAM, T0);
        Map<String, Object> before = f.snapshot();

        assertThatThrownBy(() -> store.savePerson(f.tenant, withSlack("cid", "Cid", "eng", "UANA")))
                .isExactlyInstanceOf(IdentityTakenException.class)
                .hasMessage("this slack account already belongs to person 'ana'");
        assertThat(f.snapshot()).isEqualTo(before);
        assertThat(store.person(f.tenant, id("cid"))).isEmpty();

        // an existing person: neither the new name, nor the new team, nor the counters move
        assertThatThrownBy(() -> store.savePerson(f.tenant, withSlack("ben", "Benjamin", "eng", "UANA")))
                .isExactlyInstanceOf(IdentityTakenException.class)
                .hasMessage("this slack account already belongs to person 'ana'");
        assertThat(f.snapshot()).isEqualTo(before);
        assertThat(store.person(f.tenant, id("ben"))).contains(withSlack("ben", "Ben", "sales", "UBEN"));
        assertThat(store.personByIdentity(f.tenant, Platform.SLACK, "UANA")).contains(id("ana"));
    }

    @Test
    void changingASlackIdReplacesTheOldIndexEntry() {
        store.savePerson(f.tenant, withSlack("ana", "Ana", "ops", "UOLD").withIdentity(Platform.TEAMS, "aad-ana"));

        store.savePerson(f.tenant, withSlack("ana", "Ana", "ops", "UNEW").withIdentity(Platform.TEAMS, "aad-ana"));

        assertThat(f.hash("identities")).isEqualTo(Map.of("slack:UNEW", "ana", "teams:aad-ana", "ana"));
        assertThat(store.personByIdentity(f.tenant, Platform.SLACK, "UOLD")).isEmpty();
        assertThat(store.personByIdentity(f.tenant, Platform.SLACK, "UNEW")).contains(id("ana"));
        assertThat(f.personFields("ana")).isEqualTo(Map.of("name", "Ana", "team", "ops", "tz", "UTC",
                "id:slack", "UNEW", "id:teams", "aad-ana"));

        // the freed id can be taken by someone else
        store.savePerson(f.tenant, withSlack("ben", "Ben", "ops", "UOLD"));
        assertThat(store.personByIdentity(f.tenant, Platform.SLACK, "UOLD")).contains(id("ben"));

        // dropping an identity drops its index entry
        store.savePerson(f.tenant, withSlack("ana", "Ana", "ops", "UNEW"));
        assertThat(f.hash("identities")).isEqualTo(Map.of("slack:UNEW", "ana", "slack:UOLD", "ben"));
        assertThat(store.personByIdentity(f.tenant, Platform.TEAMS, "aad-ana")).isEmpty();
    }

    private static TeamLink link(String up, String down, int n, int r, int i, int c, int confirmed, int disputed,
                                 int pending) {
        return new TeamLink(TeamId.of(up), TeamId.of(down), n, r, i, c, confirmed, disputed, pending);
    }
}
