package io.handoff.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import io.handoff.graph.Handoff;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;

/** JSON form of a graph: people (without contact details), teams and handoffs, in a stable order. */
record GraphView(String tenant, List<PersonView> people, List<TeamView> teams, List<EdgeView> edges) {

    static GraphView of(TenantId tenant, OrgGraph graph) {
        return new GraphView(tenant.value(),
                graph.people().values().stream().sorted(Comparator.comparing(Person::id)).map(PersonView::of).toList(),
                graph.teams().values().stream().sorted(Comparator.comparing(Team::id)).map(TeamView::of).toList(),
                graph.edges().stream().sorted(Comparator.comparing(Handoff::upstream).thenComparing(Handoff::downstream))
                        .map(EdgeView::of).toList());
    }

    record PersonView(String id, String name, String team, String timeZone) {
        static PersonView of(Person person) {
            return new PersonView(person.id().value(), person.displayName(),
                    person.teamId().map(TeamId::value).orElse(null), person.timeZone().getId());
        }
    }

    record TeamView(String id, String name, List<String> managers) {
        static TeamView of(Team team) {
            return new TeamView(team.id().value(), team.name(), team.managers().stream().map(PersonId::value).toList());
        }
    }

    record EdgeView(String upstream, String downstream, String what, String frequency, String criticality,
                    String health, String claimedBy, String status, String lastConfirmedAt, String createdAt,
                    String updatedAt) {
        static EdgeView of(Handoff edge) {
            return new EdgeView(edge.upstream().value(), edge.downstream().value(), edge.what(),
                    lower(edge.frequency()), lower(edge.criticality()), lower(edge.health()), lower(edge.claimedBy()),
                    lower(edge.status()), time(edge.lastConfirmedAt()), time(edge.createdAt()), time(edge.updatedAt()));
        }

        private static String lower(Enum<?> value) {
            return value.name().toLowerCase().replace('_', '-');
        }

        private static String time(Instant instant) {
            return instant == null ? null : instant.toString();
        }
    }
}
