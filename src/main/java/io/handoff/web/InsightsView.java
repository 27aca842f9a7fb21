package io.handoff.web;

import java.util.List;

import io.handoff.graph.Coverage;
import io.handoff.graph.HiddenCustomer;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.PersonBottleneck;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamBottleneck;
import io.handoff.graph.TeamId;
import io.handoff.graph.TeamLink;
import io.handoff.graph.TeamMap;

/** What leaders track: coverage, silos, critical handoffs, hidden customers, cycles and stale handoffs. */
record InsightsView(CoverageView coverage, List<TeamRef> silos, List<TeamLinkView> teamLinks,
                    List<TeamBottleneckView> teamBottlenecks, List<PersonBottleneckView> personBottlenecks,
                    List<HiddenCustomerView> hiddenCustomers, List<List<String>> cycles,
                    List<GraphView.EdgeView> staleEdges, int staleAfterDays) {

    record CoverageView(int teams, int teamsWithConfirmedCustomerAndSupplier, double teamShare, int edges,
                        int resolvedEdges, double resolvedShare) {
        static CoverageView of(Coverage coverage) {
            return new CoverageView(coverage.teams(), coverage.teamsWithConfirmedCustomerAndSupplier(),
                    coverage.teamShare(), coverage.edges(), coverage.resolvedEdges(), coverage.resolvedShare());
        }
    }

    record TeamRef(String id, String name) {
        static TeamRef of(TeamMap map, TeamId id) {
            return new TeamRef(id.value(), map.teamName(id));
        }
    }

    record TeamLinkView(TeamRef upstream, TeamRef downstream, int handoffs, String highestCriticality,
                        double confirmationRatio, int confirmed, int disputed, int pending) {
        static TeamLinkView of(TeamMap map, TeamLink link) {
            return new TeamLinkView(TeamRef.of(map, link.upstream()), TeamRef.of(map, link.downstream()), link.edges(),
                    link.highestCriticality().map(c -> c.name().toLowerCase()).orElse(null), link.confirmationRatio(),
                    link.confirmed(), link.disputed(), link.pending());
        }
    }

    record TeamBottleneckView(TeamRef team, int criticalHandoffs, int downstreamTeams) {
        static TeamBottleneckView of(TeamMap map, TeamBottleneck bottleneck) {
            return new TeamBottleneckView(TeamRef.of(map, bottleneck.team()), bottleneck.criticalHandoffs(),
                    bottleneck.downstreamTeams());
        }
    }

    record PersonBottleneckView(String person, String name, int criticalDependents, int dependents) {
        static PersonBottleneckView of(OrgGraph graph, PersonBottleneck bottleneck) {
            return new PersonBottleneckView(bottleneck.person().value(), displayName(graph, bottleneck.person()),
                    bottleneck.criticalDependents(), bottleneck.dependents());
        }
    }

    /** {@code unaware} has not (yet) named this handoff: for an upstream, a customer they did not know about. */
    record HiddenCustomerView(String unaware, String unawareName, String claimedBy, GraphView.EdgeView edge) {
        static HiddenCustomerView of(OrgGraph graph, HiddenCustomer hidden) {
            return new HiddenCustomerView(hidden.unaware().value(), displayName(graph, hidden.unaware()),
                    hidden.claimedBy().name().toLowerCase(), GraphView.EdgeView.of(hidden.edge()));
        }
    }

    private static String displayName(OrgGraph graph, PersonId id) {
        return graph.person(id).map(p -> p.displayName()).orElse(id.value());
    }
}
