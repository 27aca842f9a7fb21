package io.handoff.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The queries on a parcel depot. Sort hands sorted parcels to pre-load; pre-load loads the drivers' trucks; dispatch
 * plans their routes; drivers send delivery scans to customer service, which sends refund requests to billing (a
 * handoff billing disputes); billing tells dispatch which cash-on-delivery parcels to hold. Nina, a temp with no team
 * yet, lends pre-load a hand. IT support has a team but no handoffs.
 */
class GraphQueriesTest {

    private static final Instant T0 = Instant.parse("2025-01-06T08:00:00Z");

    private static final Handoff SORTED_PARCELS =
            claimed("sam", "pat", "sorted parcels", Criticality.IMPORTANT, Side.UPSTREAM, day(0))
                    .claimedAgainBy(Side.DOWNSTREAM, terms("sorted parcels", Criticality.IMPORTANT), day(1));
    /** Named by the driver only: the pre-loader does not know the driver is his customer. */
    private static final Handoff LOADED_TRUCK_DAN =
            claimed("pat", "dan", "loaded truck", Criticality.CRITICAL, Side.DOWNSTREAM, day(2));
    private static final Handoff LOADED_TRUCK_DREW =
            claimed("pat", "drew", "loaded truck", Criticality.CRITICAL, Side.DOWNSTREAM, day(0))
                    .confirmedBy(Side.UPSTREAM, day(1));
    private static final Handoff ROUTE_PLAN_DAN =
            claimed("dee", "dan", "route plan", Criticality.CRITICAL, Side.UPSTREAM, day(0))
                    .confirmedBy(Side.DOWNSTREAM, day(3));
    private static final Handoff ROUTE_PLAN_DREW =
            claimed("dee", "drew", "route plan", Criticality.CRITICAL, Side.UPSTREAM, day(1));
    private static final Handoff DELIVERY_SCANS =
            claimed("dan", "cora", "delivery scans", Criticality.ROUTINE, Side.UPSTREAM, day(0))
                    .confirmedBy(Side.DOWNSTREAM, day(2));
    private static final Handoff REFUND_REQUESTS =
            claimed("cora", "bill", "refund requests", Criticality.IMPORTANT, Side.UPSTREAM, day(0))
                    .disputedBy(Side.DOWNSTREAM, day(4));
    private static final Handoff COD_HOLDS =
            claimed("bill", "dee", "cash-on-delivery holds", Criticality.ROUTINE, Side.UPSTREAM, day(0))
                    .confirmedBy(Side.DOWNSTREAM, day(1));
    private static final Handoff ROUTE_FEEDBACK =
            claimed("dan", "dee", "route feedback", Criticality.ROUTINE, Side.UPSTREAM, day(3));
    private static final Handoff EXTRA_HANDS =
            claimed("nina", "pat", "extra hands", Criticality.ROUTINE, Side.DOWNSTREAM, day(1));
    private static final Handoff SPARE_SCANNER =
            claimed("dan", "drew", "spare scanner", Criticality.ROUTINE, Side.UPSTREAM, day(1))
                    .claimedAgainBy(Side.DOWNSTREAM, terms("spare scanner", Criticality.ROUTINE), day(2));

    private static final List<Handoff> DEPOT_EDGES = List.of(SORTED_PARCELS, LOADED_TRUCK_DAN, LOADED_TRUCK_DREW,
            ROUTE_PLAN_DAN, ROUTE_PLAN_DREW, DELIVERY_SCANS, REFUND_REQUESTS, COD_HOLDS, ROUTE_FEEDBACK, EXTRA_HANDS,
            SPARE_SCANNER);

    private static OrgGraph depot(List<Handoff> edges) {
        return OrgGraph.of(
                List.of(Person.of("sam", "Sam Sorter", "sort"), Person.of("pat", "Pat Pre-loader", "preload"),
                        Person.of("dan", "Dan Driver", "drivers"), Person.of("drew", "Drew Driver", "drivers"),
                        Person.of("dee", "Dee Dispatcher", "dispatch"),
                        Person.of("cora", "Cora Care", "customer-service"), Person.of("bill", "Bill Billing", "billing"),
                        Person.of("nina", "Nina Temp", null)),
                List.of(Team.of("sort", "Sort"), Team.of("preload", "Pre-load"), Team.of("drivers", "Drivers"),
                        Team.of("dispatch", "Dispatch"), Team.of("customer-service", "Customer service"),
                        Team.of("billing", "Billing"), Team.of("it-support", "IT support")),
                edges);
    }

    private static OrgGraph depot() {
        return depot(DEPOT_EDGES);
    }

    @Nested
    class Reachability {
        @Test
        void downstreamGrowsWithDepth() {
            assertThat(GraphQueries.downstream(depot(), id("sam"), 1)).containsExactly(reach("pat", 1));
            assertThat(GraphQueries.downstream(depot(), id("sam"), 2))
                    .containsExactly(reach("pat", 1), reach("dan", 2), reach("drew", 2));
            assertThat(GraphQueries.downstream(depot(), id("sam"), 3)).containsExactly(reach("pat", 1),
                    reach("dan", 2), reach("drew", 2), reach("cora", 3), reach("dee", 3));
        }

        @Test
        void disputedEdgesAreNotFollowed() {
            // cora -> bill is disputed: billing is never reached, however deep we look
            assertThat(GraphQueries.downstream(depot(), id("sam"), 10)).containsExactly(reach("pat", 1),
                    reach("dan", 2), reach("drew", 2), reach("cora", 3), reach("dee", 3));
            assertThat(GraphQueries.downstream(depot(), id("cora"), 5)).isEmpty();
            assertThat(GraphQueries.upstream(depot(), id("bill"), 5)).isEmpty();
        }

        @Test
        void upstreamKeepsTheShortestDistanceAndExcludesTheStart() {
            assertThat(GraphQueries.upstream(depot(), id("dan"), 1)).containsExactly(reach("dee", 1), reach("pat", 1));
            // dan is upstream of dee too (route feedback), but dan is the start and is left out
            assertThat(GraphQueries.upstream(depot(), id("dan"), 3)).containsExactly(reach("dee", 1),
                    reach("pat", 1), reach("bill", 2), reach("nina", 2), reach("sam", 2));
            assertThat(GraphQueries.upstream(depot(), id("drew"), 1))
                    .containsExactly(reach("dan", 1), reach("dee", 1), reach("pat", 1));
        }

        @Test
        void unknownPersonReachesNobody() {
            assertThat(GraphQueries.downstream(depot(), id("nobody"), 3)).isEmpty();
        }

        @Test
        void depthMustBeAtLeastOne() {
            assertThatThrownBy(() -> GraphQueries.downstream(depot(), id("sam"), 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("depth");
            assertThatThrownBy(() -> GraphQueries.upstream(depot(), id("sam"), -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("depth");
        }
    }

    @Nested
    class TeamMaps {
        @Test
        void aggregatesPersonEdgesPerTeamPair() {
            TeamMap map = GraphQueries.teamMap(depot());

            assertThat(map.teams()).isEqualTo(depot().teams());
            // counters: edges, routine, important, critical, confirmed, disputed, pending
            assertThat(map.links()).containsExactly(
                    link("billing", "dispatch", 1, 1, 0, 0, 1, 0, 0),
                    link("customer-service", "billing", 1, 0, 1, 0, 0, 1, 0),
                    link("dispatch", "drivers", 2, 0, 0, 2, 1, 0, 1),
                    link("drivers", "customer-service", 1, 1, 0, 0, 1, 0, 0),
                    link("drivers", "dispatch", 1, 1, 0, 0, 0, 0, 1),
                    link("drivers", "drivers", 1, 1, 0, 0, 1, 0, 0),
                    link("preload", "drivers", 2, 0, 0, 2, 1, 0, 1),
                    link("sort", "preload", 1, 0, 1, 0, 1, 0, 0));
        }

        @Test
        void skipsEdgesWithAnEndOfUnknownTeam() {
            OrgGraph graph = OrgGraph.of(
                    List.of(Person.of("dee", "Dee", "dispatch"), Person.of("dan", "Dan", "drivers"),
                            Person.of("nina", "Nina", null)),
                    List.of(),
                    List.of(claimed("dee", "dan", "route plan", Criticality.CRITICAL, Side.UPSTREAM, day(0)),
                            claimed("dee", "nina", "route plan", Criticality.CRITICAL, Side.UPSTREAM, day(0)),
                            claimed("ghost", "dan", "fuel card", Criticality.ROUTINE, Side.DOWNSTREAM, day(0))));

            TeamMap map = GraphQueries.teamMap(graph);

            assertThat(map.teams()).isEmpty();
            assertThat(map.links()).containsExactly(link("dispatch", "drivers", 1, 0, 0, 1, 0, 0, 1));
        }

        @Test
        void silosHaveNoConfirmedCrossTeamLink() {
            assertThat(GraphQueries.silos(GraphQueries.teamMap(depot()))).containsExactly(TeamId.of("it-support"));

            TeamMap map = new TeamMap(
                    Map.of(TeamId.of("a"), team("a"), TeamId.of("b"), team("b"), TeamId.of("c"), team("c"),
                            TeamId.of("d"), team("d"), TeamId.of("h"), team("h")),
                    List.of(link("a", "b", 1, 1, 0, 0, 1, 0, 0),   // confirmed across teams: a and b are connected
                            link("c", "c", 3, 3, 0, 0, 3, 0, 0),   // confirmed, but only inside c
                            link("d", "a", 2, 2, 0, 0, 0, 0, 2),   // pending only
                            link("e", "f", 1, 1, 0, 0, 0, 1, 0))); // disputed only; e and f are not in teams
            assertThat(GraphQueries.silos(map)).extracting(TeamId::value).containsExactly("c", "d", "e", "f", "h");
        }

        @Test
        void coverageOfTheDepot() {
            Coverage coverage = GraphQueries.coverage(GraphQueries.teamMap(depot()));

            // covered: dispatch, drivers, preload; billing has no confirmed supplier, sort no confirmed customer
            assertThat(coverage).isEqualTo(new Coverage(7, 3, 10, 7));
            assertThat(coverage.teamShare()).isCloseTo(3.0 / 7, within(1e-9));
            assertThat(coverage.resolvedShare()).isCloseTo(0.7, within(1e-9));
        }

        @Test
        void aColleagueInTheSameTeamCountsAsCustomerAndSupplier() {
            TeamMap map = new TeamMap(Map.of(),
                    List.of(link("x", "x", 1, 1, 0, 0, 1, 0, 0), link("x", "y", 2, 2, 0, 0, 1, 0, 1)));

            assertThat(GraphQueries.coverage(map)).isEqualTo(new Coverage(2, 1, 3, 2));
        }

        @Test
        void emptyCoverageHasZeroShares() {
            Coverage coverage = GraphQueries.coverage(new TeamMap(Map.of(), List.of()));

            assertThat(coverage).isEqualTo(new Coverage(0, 0, 0, 0));
            assertThat(coverage.teamShare()).isZero();
            assertThat(coverage.resolvedShare()).isZero();
        }
    }

    @Nested
    class HiddenCustomers {
        @Test
        void everyOneSidedClaimMostCriticalAndOldestFirst() {
            assertThat(GraphQueries.hiddenCustomers(depot())).containsExactly(
                    new HiddenCustomer(ROUTE_PLAN_DREW, Side.UPSTREAM, id("drew")),
                    new HiddenCustomer(LOADED_TRUCK_DAN, Side.DOWNSTREAM, id("pat")),
                    new HiddenCustomer(EXTRA_HANDS, Side.DOWNSTREAM, id("nina")),
                    new HiddenCustomer(ROUTE_FEEDBACK, Side.UPSTREAM, id("dee")));
        }

        @Test
        void theDriverIsThePreLoadersHiddenCustomer() {
            HiddenCustomer hidden = HiddenCustomer.of(LOADED_TRUCK_DAN);

            assertThat(hidden.unaware()).isEqualTo(id("pat"));
            assertThat(hidden.claimant()).isEqualTo(id("dan"));
            assertThat(hidden.claimedBy()).isEqualTo(Side.DOWNSTREAM);
        }

        @Test
        void equalCriticalityAndAgeAreOrderedByIds() {
            Handoff b = claimed("b", "a", "x", Criticality.IMPORTANT, Side.UPSTREAM, day(0));
            Handoff a2 = claimed("a", "c", "x", Criticality.IMPORTANT, Side.UPSTREAM, day(0));
            Handoff a1 = claimed("a", "b", "x", Criticality.IMPORTANT, Side.DOWNSTREAM, day(0));
            OrgGraph graph = OrgGraph.of(List.of(), List.of(), List.of(b, a2, a1));

            assertThat(GraphQueries.hiddenCustomers(graph)).extracting(HiddenCustomer::edge).containsExactly(a1, a2, b);
        }

        @Test
        void recordRejectsAnEdgeThatIsNotOneSided() {
            assertThatThrownBy(() -> HiddenCustomer.of(SORTED_PARCELS)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> HiddenCustomer.of(REFUND_REQUESTS)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new HiddenCustomer(LOADED_TRUCK_DAN, Side.DOWNSTREAM, id("dan")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Bottlenecks {
        @Test
        void depotPeopleTiedOnCriticalDependentsAreOrderedById() {
            assertThat(GraphQueries.personBottlenecks(depot(), 10)).containsExactly(
                    new PersonBottleneck(id("dee"), 2, 2), new PersonBottleneck(id("pat"), 2, 2));
            assertThat(GraphQueries.personBottlenecks(depot(), 1)).containsExactly(new PersonBottleneck(id("dee"), 2, 2));
            assertThat(GraphQueries.personBottlenecks(depot(), 0)).isEmpty();
        }

        @Test
        void peopleRankedByDistinctCriticalDependentsIgnoringDisputes() {
            OrgGraph graph = OrgGraph.of(List.of(), List.of(), List.of(
                    claimed("zed", "a", "x", Criticality.CRITICAL, Side.DOWNSTREAM, day(0)),
                    claimed("zed", "b", "x", Criticality.CRITICAL, Side.UPSTREAM, day(0)).confirmedBy(Side.DOWNSTREAM, day(1)),
                    claimed("zed", "c", "x", Criticality.CRITICAL, Side.UPSTREAM, day(0)),
                    claimed("zed", "d", "x", Criticality.ROUTINE, Side.UPSTREAM, day(0)),
                    claimed("amy", "a", "x", Criticality.CRITICAL, Side.DOWNSTREAM, day(0)),
                    claimed("amy", "b", "x", Criticality.CRITICAL, Side.UPSTREAM, day(0)).disputedBy(Side.DOWNSTREAM, day(1)),
                    claimed("amy", "e", "x", Criticality.IMPORTANT, Side.UPSTREAM, day(0)),
                    claimed("bob", "c", "x", Criticality.CRITICAL, Side.DOWNSTREAM, day(0)),
                    claimed("cid", "c", "x", Criticality.IMPORTANT, Side.DOWNSTREAM, day(0))));

            assertThat(GraphQueries.personBottlenecks(graph, 10)).containsExactly(
                    new PersonBottleneck(id("zed"), 3, 4),
                    new PersonBottleneck(id("amy"), 1, 2),
                    new PersonBottleneck(id("bob"), 1, 1));
            assertThat(GraphQueries.personBottlenecks(graph, 2)).extracting(PersonBottleneck::person)
                    .containsExactly(id("zed"), id("amy"));
        }

        @Test
        void depotTeams() {
            assertThat(GraphQueries.teamBottlenecks(GraphQueries.teamMap(depot()), 5)).containsExactly(
                    new TeamBottleneck(TeamId.of("dispatch"), 2, 1), new TeamBottleneck(TeamId.of("preload"), 2, 1));
        }

        @Test
        void teamsRankedByCriticalHandoffsToOtherTeams() {
            TeamMap map = new TeamMap(Map.of(), List.of(
                    link("billing", "dispatch", 4, 4, 0, 0, 4, 0, 0),
                    link("dispatch", "drivers", 2, 0, 0, 2, 2, 0, 0),
                    link("preload", "drivers", 2, 0, 0, 2, 1, 0, 1),
                    link("sort", "drivers", 1, 0, 0, 1, 1, 0, 0),
                    link("sort", "preload", 3, 0, 0, 3, 3, 0, 0),
                    link("sort", "sort", 5, 0, 0, 5, 5, 0, 0)));   // inside the team: not counted

            assertThat(GraphQueries.teamBottlenecks(map, 10)).containsExactly(
                    new TeamBottleneck(TeamId.of("sort"), 4, 2),
                    new TeamBottleneck(TeamId.of("dispatch"), 2, 1),
                    new TeamBottleneck(TeamId.of("preload"), 2, 1));
            assertThat(GraphQueries.teamBottlenecks(map, 2)).extracting(TeamBottleneck::team)
                    .containsExactly(TeamId.of("sort"), TeamId.of("dispatch"));
        }

        @Test
        void limitCannotBeNegative() {
            assertThatThrownBy(() -> GraphQueries.personBottlenecks(depot(), -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
            assertThatThrownBy(() -> GraphQueries.teamBottlenecks(new TeamMap(Map.of(), List.of()), -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        }
    }

    @Nested
    class Cycles {
        @Test
        void depotHasOneCycleBecauseTheRefundHandoffIsDisputed() {
            assertThat(GraphQueries.cycles(depot())).containsExactly(List.of(id("dan"), id("dee")));
        }

        @Test
        void confirmingTheRefundHandoffClosesALargerLoop() {
            Handoff refunds = claimed("cora", "bill", "refund requests", Criticality.IMPORTANT, Side.UPSTREAM, day(0))
                    .claimedAgainBy(Side.DOWNSTREAM, terms("refund requests", Criticality.IMPORTANT), day(4));
            List<Handoff> edges = new ArrayList<>(DEPOT_EDGES);
            edges.set(edges.indexOf(REFUND_REQUESTS), refunds);

            assertThat(GraphQueries.cycles(depot(edges)))
                    .containsExactly(List.of(id("bill"), id("cora"), id("dan"), id("dee")));
        }

        @Test
        void componentsAreSortedInsideAndByTheirFirstId() {
            OrgGraph graph = OrgGraph.of(List.of(), List.of(), List.of(
                    edge("n", "m"), edge("m", "n"),
                    edge("e", "c"), edge("c", "d"), edge("d", "e"), edge("e", "f"),
                    edge("g", "h")));

            assertThat(GraphQueries.cycles(graph)).containsExactly(
                    List.of(id("c"), id("d"), id("e")), List.of(id("m"), id("n")));
        }

        @Test
        void longChainWithOneBackEdgeDoesNotOverflowTheStack() {
            int n = 50_000;
            List<Handoff> edges = chain(n);
            edges.add(edge(chainId(n - 1), chainId(n / 2)));

            List<List<PersonId>> cycles = GraphQueries.cycles(OrgGraph.of(List.of(), List.of(), edges));

            assertThat(cycles).hasSize(1);
            List<PersonId> loop = cycles.get(0);
            assertThat(loop).hasSize(n / 2);
            assertThat(loop.get(0)).isEqualTo(id(chainId(n / 2)));
            assertThat(loop.get(loop.size() - 1)).isEqualTo(id(chainId(n - 1)));
        }

        @Test
        void longChainWithoutBackEdgeHasNoCycle() {
            assertThat(GraphQueries.cycles(OrgGraph.of(List.of(), List.of(), chain(50_000)))).isEmpty();
        }

        @Test
        void longRingIsOneComponent() {
            List<Handoff> edges = chain(50_000);
            edges.add(edge(chainId(49_999), chainId(0)));

            assertThat(GraphQueries.cycles(OrgGraph.of(List.of(), List.of(), edges)))
                    .singleElement().satisfies(loop -> assertThat(loop).hasSize(50_000));
        }

        private static List<Handoff> chain(int n) {
            List<Handoff> edges = new ArrayList<>(n);
            for (int i = 0; i + 1 < n; i++) {
                edges.add(edge(chainId(i), chainId(i + 1)));
            }
            return edges;
        }

        private static String chainId(int i) {
            return String.format("p%05d", i);
        }
    }

    @Nested
    class Staleness {
        private final Instant now = day(30);

        @Test
        void edgesLastKnownTrueExactlyAtTheThresholdAreNotStale() {
            // threshold day 2: the day-1 edges are stale, the day-2 edges are exactly on it and are not
            assertThat(names(GraphQueries.staleEdges(depot(), now, Duration.ofDays(28))))
                    .containsExactly("bill>dee", "dee>drew", "nina>pat", "pat>drew", "sam>pat");
        }

        @Test
        void oneSecondLessMaxAgeMakesTheBoundaryEdgesStale() {
            assertThat(names(GraphQueries.staleEdges(depot(), now, Duration.ofDays(28).minusSeconds(1))))
                    .containsExactly("bill>dee", "dee>drew", "nina>pat", "pat>drew", "sam>pat",
                            "dan>cora", "dan>drew", "pat>dan");
        }

        @Test
        void disputedEdgesAreNeverStale() {
            // the refund handoff (disputed on day 4) is the only edge left out
            assertThat(GraphQueries.staleEdges(depot(), day(100), Duration.ZERO))
                    .hasSize(DEPOT_EDGES.size() - 1).doesNotContain(REFUND_REQUESTS);
        }

        @Test
        void aLaterChangeDoesNotRefreshTheLastConfirmation() {
            Handoff slowing = SORTED_PARCELS.withHealth(Health.SLOWING, day(20));
            OrgGraph graph = OrgGraph.of(List.of(), List.of(), List.of(slowing));

            assertThat(GraphQueries.staleEdges(graph, now, Duration.ofDays(28))).containsExactly(slowing);
        }

        @Test
        void maxAgeCannotBeNegative() {
            assertThatThrownBy(() -> GraphQueries.staleEdges(depot(), now, Duration.ofSeconds(-1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAge");
        }
    }

    @Nested
    class Records {
        @Test
        void rejectNullsAndNegatives() {
            assertThatThrownBy(() -> new Reach(null, 1)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new Reach(id("a"), -1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new PersonBottleneck(null, 1, 1)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new PersonBottleneck(id("a"), 2, 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new TeamBottleneck(TeamId.of("t"), -1, 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new TeamBottleneck(TeamId.of("t"), 1, 2))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Coverage(1, 2, 0, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Coverage(0, 0, 1, 2)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Coverage(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    // ---- helpers ----

    private static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    private static PersonId id(String value) {
        return PersonId.of(value);
    }

    private static Reach reach(String person, int distance) {
        return new Reach(id(person), distance);
    }

    private static Team team(String id) {
        return Team.of(id, id.toUpperCase());
    }

    private static HandoffTerms terms(String what, Criticality criticality) {
        return new HandoffTerms(what, Frequency.DAILY, criticality);
    }

    private static Handoff claimed(String upstream, String downstream, String what, Criticality criticality, Side by,
                                   Instant at) {
        return Handoff.claimed(id(upstream), id(downstream), terms(what, criticality), by, at);
    }

    private static Handoff edge(String upstream, String downstream) {
        return claimed(upstream, downstream, "work", Criticality.ROUTINE, Side.UPSTREAM, T0);
    }

    private static TeamLink link(String upstream, String downstream, int edges, int routine, int important,
                                 int critical, int confirmed, int disputed, int pending) {
        return new TeamLink(TeamId.of(upstream), TeamId.of(downstream), edges, routine, important, critical,
                confirmed, disputed, pending);
    }

    private static List<String> names(List<Handoff> edges) {
        return edges.stream().map(e -> e.upstream() + ">" + e.downstream()).toList();
    }
}
