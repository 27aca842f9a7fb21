package io.handoff.graph;

import static io.handoff.graph.StoreFixture.T0;
import static io.handoff.graph.StoreFixture.day;
import static io.handoff.graph.StoreFixture.id;
import static io.handoff.graph.StoreFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Reads: the neighbourhood of a person by depth, the whole graph and the team map. */
class RedisGraphStoreReadsTest {

    private static Set<String> people(Neighbourhood n) {
        return n.graph().people().keySet().stream().map(PersonId::value).collect(Collectors.toSet());
    }

    private static Set<String> edges(Neighbourhood n) {
        return n.graph().edges().stream().map(e -> e.upstream() + ">" + e.downstream()).collect(Collectors.toSet());
    }

    /** a → b → c → d → e, one team each of two. */
    @Nested
    class Chain {
        private final StoreFixture f = new StoreFixture();

        Chain() {
            f.team("odd", "Odd", "a");
            f.team("even", "Even");
            for (String p : List.of("a", "b", "c", "d", "e")) {
                f.person(p, "Person " + p.toUpperCase(), "ace".contains(p) ? "odd" : "even");
            }
            f.claim("a", "b", "ab", Criticality.ROUTINE, Side.UPSTREAM, T0);
            f.claim("b", "c", "bc", Criticality.IMPORTANT, Side.DOWNSTREAM, T0);
            f.claim("c", "d", "cd", Criticality.CRITICAL, Side.UPSTREAM, T0);
            f.claim("d", "e", "de", Criticality.ROUTINE, Side.UPSTREAM, T0);
        }

        private Neighbourhood around(String centre, int depth) {
            return f.store.neighbourhood(f.tenant, id(centre), depth);
        }

        @Test
        void mapsAndChainsAreReadOnlyAndEqualToACopy() {
            Neighbourhood two = around("a", 2);
            OrgGraph chain = f.store.chain(f.tenant, Set.of(id("a")), Set.of(), Side.DOWNSTREAM, 2);

            for (OrgGraph graph : List.of(two.graph(), chain)) {
                Person someone = graph.people().values().iterator().next();
                assertThatThrownBy(() -> graph.people().put(someone.id(), someone))
                        .isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(() -> graph.people().entrySet().clear())
                        .isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(() -> graph.people().keySet().remove(someone.id()))
                        .isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(() -> graph.teams().clear()).isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(() -> graph.edges().remove(0)).isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(() -> graph.edges().add(graph.edges().get(0)))
                        .isInstanceOf(UnsupportedOperationException.class);
                OrgGraph copied = new OrgGraph(new java.util.LinkedHashMap<>(graph.people()),
                        new java.util.LinkedHashMap<>(graph.teams()), new java.util.ArrayList<>(graph.edges()));
                assertThat(graph).isEqualTo(copied).hasSameHashCodeAs(copied);
                assertThat(List.copyOf(graph.people().keySet())).isEqualTo(List.copyOf(copied.people().keySet()));
            }
        }

        @Test
        void aGraphBuiltFromSomeoneElsesCollectionsKeepsItsOwnCopy() {
            Person a = Person.of("a", "A", "odd");
            Map<PersonId, Person> people = new java.util.LinkedHashMap<>(Map.of(a.id(), a));
            List<Handoff> edges = new java.util.ArrayList<>(around("a", 1).graph().edges());
            OrgGraph graph = new OrgGraph(people, Map.of(), edges);

            people.clear();
            edges.clear();

            assertThat(graph.people()).containsOnlyKeys(a.id());
            assertThat(graph.edges()).hasSize(1);
        }

        @Test
        void fromTheStartDepthOneTwoThree() {
            Neighbourhood one = around("a", 1);
            Neighbourhood two = around("a", 2);
            Neighbourhood three = around("a", 3);

            assertThat(people(one)).isEqualTo(Set.of("a", "b"));
            assertThat(edges(one)).isEqualTo(Set.of("a>b"));
            assertThat(one.roundTrips()).isEqualTo(1);
            assertThat(people(two)).isEqualTo(Set.of("a", "b", "c"));
            assertThat(edges(two)).isEqualTo(Set.of("a>b", "b>c"));
            assertThat(two.roundTrips()).isEqualTo(2);
            assertThat(people(three)).isEqualTo(Set.of("a", "b", "c", "d"));
            assertThat(edges(three)).isEqualTo(Set.of("a>b", "b>c", "c>d"));
            assertThat(three.roundTrips()).isEqualTo(3);
            assertThat(three.centre()).isEqualTo(id("a"));
            assertThat(three.depth()).isEqualTo(3);
        }

        @Test
        void fromTheMiddleItStopsWhenTheGraphEnds() {
            Neighbourhood one = around("c", 1);
            Neighbourhood two = around("c", 2);
            Neighbourhood three = around("c", 3);

            assertThat(people(one)).isEqualTo(Set.of("b", "c", "d"));
            assertThat(edges(one)).isEqualTo(Set.of("b>c", "c>d"));
            assertThat(one.roundTrips()).isEqualTo(1);
            assertThat(people(two)).isEqualTo(Set.of("a", "b", "c", "d", "e"));
            assertThat(edges(two)).isEqualTo(Set.of("a>b", "b>c", "c>d", "d>e"));
            assertThat(two.roundTrips()).isEqualTo(2);
            assertThat(people(three)).isEqualTo(Set.of("a", "b", "c", "d", "e"));
            assertThat(edges(three)).isEqualTo(Set.of("a>b", "b>c", "c>d", "d>e"));
            assertThat(three.roundTrips()).as("the third ring is empty: nothing left to read").isEqualTo(3);
        }

        @Test
        void fromTheEndItFollowsEdgesUpstream() {
            Neighbourhood three = around("e", 3);

            assertThat(people(three)).isEqualTo(Set.of("b", "c", "d", "e"));
            assertThat(edges(three)).isEqualTo(Set.of("b>c", "c>d", "d>e"));
            assertThat(three.roundTrips()).isEqualTo(3);
        }

        @Test
        void theNeighbourhoodCarriesFullPeopleEdgesAndTeams() {
            Neighbourhood one = around("b", 1);

            assertThat(one.graph().people()).isEqualTo(Map.of(
                    id("a"), Person.of("a", "Person A", "odd"),
                    id("b"), Person.of("b", "Person B", "even"),
                    id("c"), Person.of("c", "Person C", "odd")));
            assertThat(Set.copyOf(one.graph().edges())).isEqualTo(Set.of(
                    Handoff.claimed(id("a"), id("b"), terms("ab", Criticality.ROUTINE), Side.UPSTREAM, T0),
                    Handoff.claimed(id("b"), id("c"), terms("bc", Criticality.IMPORTANT), Side.DOWNSTREAM, T0)));
            assertThat(one.graph().teams()).isEqualTo(Map.of(
                    TeamId.of("odd"), Team.of("odd", "Odd", id("a")),
                    TeamId.of("even"), Team.of("even", "Even")));
        }

        @Test
        void theOutermostRingCarriesNameTeamAndZoneAndNearerPeopleEverything() {
            Person d = new Person(id("d"), "Person D", "d@example.com", TeamId.of("odd"), ZoneId.of("Asia/Tokyo"),
                    Map.of(Platform.SLACK, "UDDD", Platform.TEAMS, "aad-d"));
            f.store.savePerson(f.tenant, d);

            assertThat(around("c", 1).graph().people().get(id("d")))
                    .isEqualTo(new Person(id("d"), "Person D", null, TeamId.of("odd"), ZoneId.of("Asia/Tokyo"), Map.of()));
            assertThat(around("c", 2).graph().people().get(id("d"))).isEqualTo(d);
            assertThat(around("d", 1).graph().people().get(id("d"))).isEqualTo(d);
            f.assertMirrorsConsistent();
        }

        @Test
        void theNeighbourhoodCarriesOnlyTheTeamsOfItsPeople() {
            f.team("far", "Far away", "e");

            assertThat(around("a", 1).graph().teams()).containsOnlyKeys(TeamId.of("odd"), TeamId.of("even"));
            assertThat(around("c", 1).graph().teams()).isEqualTo(Map.of(
                    TeamId.of("odd"), Team.of("odd", "Odd", id("a")),
                    TeamId.of("even"), Team.of("even", "Even")));
            assertThat(f.store.teamMap(f.tenant).teams()).containsKey(TeamId.of("far"));
        }

        @Test
        void anotherReplicasTeamChangesShowInTheNextMapWithinTheSameRoundTrips() {
            RedisGraphStore otherReplica = new RedisGraphStore(f.redis);
            assertThat(around("b", 1).graph().teams().get(TeamId.of("odd")).name()).isEqualTo("Odd");
            String version = f.redis.get(f.key("teams-version"));

            otherReplica.saveTeam(f.tenant, new Team(TeamId.of("odd"), "Odd Jobs", List.of(id("a"), id("c"))));
            Neighbourhood renamed = around("b", 1);
            otherReplica.saveTeam(f.tenant, new Team(TeamId.of("odd"), "Odd Jobs", List.of(id("a"), id("c"))));

            assertThat(renamed.graph().teams().get(TeamId.of("odd")))
                    .isEqualTo(new Team(TeamId.of("odd"), "Odd Jobs", List.of(id("a"), id("c"))));
            assertThat(renamed.roundTrips()).isEqualTo(2);
            assertThat(f.redis.get(f.key("teams-version"))).as("a changed directory has a new version")
                    .isNotEqualTo(version);
            assertThat(around("e", 1).roundTrips()).as("a current copy costs no read")
                    .isEqualTo(1);

            otherReplica.deletePerson(f.tenant, id("c"));
            assertThat(around("b", 1).graph().teams().get(TeamId.of("odd")).managers()).containsExactly(id("a"));
        }

        @Test
        void aStaleDirectoryCopyCostsOneMoreReadOnlyForSomeoneAlone() {
            f.person("loner", "Lone Wolf", "odd");
            assertThat(around("loner", 2).roundTrips()).isEqualTo(1);

            new RedisGraphStore(f.redis).saveTeam(f.tenant, Team.of("odd", "Odd Ones"));
            Neighbourhood alone = around("loner", 2);

            assertThat(alone.graph().teams().get(TeamId.of("odd")).name()).isEqualTo("Odd Ones");
            assertThat(alone.roundTrips()).isEqualTo(2);
        }

        @Test
        void anUnknownCentreIsRefused() {
            assertThatThrownBy(() -> around("zed", 1))
                    .isInstanceOfSatisfying(UnknownPersonException.class, e -> assertThat(e.person()).isEqualTo(id("zed")))
                    .hasMessage("no person 'zed' in this organisation");
        }

        @Test
        void depthOutsideOneToThreeIsRefused() {
            assertThatThrownBy(() -> around("a", 0))
                    .isExactlyInstanceOf(Refusal.class)
                    .hasMessage("depth must be between 1 and 3 (was 0)");
            assertThatThrownBy(() -> around("a", 4))
                    .isExactlyInstanceOf(Refusal.class)
                    .hasMessage("depth must be between 1 and 3 (was 4)");
            assertThatThrownBy(() -> around("zed", 4))
                    .isExactlyInstanceOf(Refusal.class);
        }

        @Test
        void aPersonWithoutHandoffsIsAloneInOneRoundTrip() {
            f.person("loner", "Lone Wolf", null);

            Neighbourhood three = around("loner", 3);

            assertThat(people(three)).isEqualTo(Set.of("loner"));
            assertThat(three.graph().edges()).isEmpty();
            assertThat(three.roundTrips()).isEqualTo(1);
        }
    }

    /** A hub with four spokes: two customers, two suppliers. */
    @Nested
    class Star {
        private final StoreFixture f = new StoreFixture();

        Star() {
            f.person("hub", "Hub", "core");
            for (String p : List.of("s1", "s2", "s3", "s4")) {
                f.person(p, "Spoke " + p, "rim");
            }
            f.claim("hub", "s1", "h1", Criticality.ROUTINE, Side.UPSTREAM, T0);
            f.claim("hub", "s2", "h2", Criticality.ROUTINE, Side.UPSTREAM, T0);
            f.claim("s3", "hub", "h3", Criticality.ROUTINE, Side.UPSTREAM, T0);
            f.claim("s4", "hub", "h4", Criticality.ROUTINE, Side.UPSTREAM, T0);
        }

        @Test
        void fromTheHub() {
            Neighbourhood one = f.store.neighbourhood(f.tenant, id("hub"), 1);
            Neighbourhood two = f.store.neighbourhood(f.tenant, id("hub"), 2);

            Set<String> all = Set.of("hub", "s1", "s2", "s3", "s4");
            Set<String> spokes = Set.of("hub>s1", "hub>s2", "s3>hub", "s4>hub");
            assertThat(people(one)).isEqualTo(all);
            assertThat(edges(one)).isEqualTo(spokes);
            assertThat(one.roundTrips()).isEqualTo(1);
            assertThat(people(two)).isEqualTo(all);
            assertThat(edges(two)).isEqualTo(spokes);
            assertThat(two.roundTrips()).isEqualTo(2);
        }

        @Test
        void fromASpoke() {
            Neighbourhood one = f.store.neighbourhood(f.tenant, id("s1"), 1);
            Neighbourhood two = f.store.neighbourhood(f.tenant, id("s1"), 2);
            Neighbourhood three = f.store.neighbourhood(f.tenant, id("s1"), 3);

            assertThat(people(one)).isEqualTo(Set.of("hub", "s1"));
            assertThat(edges(one)).isEqualTo(Set.of("hub>s1"));
            assertThat(one.roundTrips()).isEqualTo(1);
            assertThat(people(two)).isEqualTo(Set.of("hub", "s1", "s2", "s3", "s4"));
            assertThat(edges(two)).isEqualTo(Set.of("hub>s1", "hub>s2", "s3>hub", "s4>hub"));
            assertThat(two.roundTrips()).isEqualTo(2);
            assertThat(people(three)).isEqualTo(people(two));
            assertThat(edges(three)).isEqualTo(edges(two));
            assertThat(three.roundTrips()).isEqualTo(3);
        }
    }

    @Nested
    class WholeGraph {
        private final StoreFixture f = new StoreFixture();

        @Test
        void graphReturnsAllPeopleTeamsWithManagersAndEdges() {
            f.team("ops", "Operations", "ana");
            f.team("sales", "Sales", "ben", "cid");
            f.team("empty", "Nobody Yet");
            Person ana = new Person(id("ana"), "Ana", "ana@example.com", TeamId.of("ops"), ZoneId.of("Asia/Tokyo"),
                    Map.of(Platform.SLACK, "UANA"));
            f.store.savePerson(f.tenant, ana);
            Person ben = f.person("ben", "Ben", "sales");
            Person cid = f.person("cid", "Cid", "sales");
            Person nina = f.person("nina", "Nina", null);
            Handoff report = f.claim("ana", "ben", "report", Criticality.IMPORTANT, Side.UPSTREAM, T0);
            Handoff confirmedReport = f.store.confirm(f.tenant, id("ana"), id("ben"), Side.DOWNSTREAM, day(1));
            Handoff leads = f.claim("cid", "ana", "leads", Criticality.CRITICAL, Side.DOWNSTREAM, T0);
            Handoff help = f.claim("nina", "cid", "help", Criticality.ROUTINE, Side.UPSTREAM, T0);
            Handoff quotes = f.claim("ben", "cid", "quotes", Criticality.ROUTINE, Side.UPSTREAM, T0);
            Handoff disputed = f.store.dispute(f.tenant, id("ben"), id("cid"), Side.DOWNSTREAM, day(2));

            OrgGraph graph = f.store.graph(f.tenant);

            assertThat(report.status()).isEqualTo(EdgeStatus.CLAIMED);
            assertThat(quotes.status()).isEqualTo(EdgeStatus.CLAIMED);
            assertThat(graph).isEqualTo(OrgGraph.of(List.of(ana, ben, cid, nina),
                    List.of(Team.of("empty", "Nobody Yet"), Team.of("ops", "Operations", id("ana")),
                            Team.of("sales", "Sales", id("ben"), id("cid"))),
                    List.of(confirmedReport, disputed, leads, help)));
            assertThat(graph.people().keySet()).containsExactly(id("ana"), id("ben"), id("cid"), id("nina"));
            assertThat(graph.edges()).containsExactly(confirmedReport, disputed, leads, help);
            assertThat(f.store.teamMap(f.tenant).teams()).isEqualTo(graph.teams());
        }

        @Test
        void anEmptyTenantHasAnEmptyGraph() {
            OrgGraph graph = f.store.graph(f.tenant);

            assertThat(graph.people()).isEmpty();
            assertThat(graph.teams()).isEmpty();
            assertThat(graph.edges()).isEmpty();
            assertThat(f.store.teamMap(f.tenant).links()).isEmpty();
            assertThat(f.keys()).isEmpty();
        }
    }
}
