package io.handoff.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A read-only view of (part of) one tenant's internal-customer graph: the people, the teams they belong to and the
 * handoffs between them. Edges may name people outside {@code people} when the view is a neighbourhood cut.
 */
public record OrgGraph(Map<PersonId, Person> people, Map<TeamId, Team> teams, List<Handoff> edges) {

    public OrgGraph {
        // Maps and lists a reader of this package built for this graph alone come read-only already and are taken
        // as they are (ReadOnlyView); anything else is copied, so no one can change the graph afterwards.
        people = ReadOnlyView.isOwned(Objects.requireNonNull(people, "people")) ? people
                : Collections.unmodifiableMap(new LinkedHashMap<>(people));
        teams = ReadOnlyView.isOwned(Objects.requireNonNull(teams, "teams")) ? teams
                : Collections.unmodifiableMap(new LinkedHashMap<>(teams));
        edges = ReadOnlyView.isOwned(Objects.requireNonNull(edges, "edges")) ? edges : List.copyOf(edges);
    }

    public static OrgGraph of(List<Person> people, List<Team> teams, List<Handoff> edges) {
        Map<PersonId, Person> byId = new LinkedHashMap<>();
        people.forEach(p -> byId.put(p.id(), p));
        Map<TeamId, Team> teamsById = new LinkedHashMap<>();
        teams.forEach(t -> teamsById.put(t.id(), t));
        return new OrgGraph(byId, teamsById, edges);
    }

    public Optional<Person> person(PersonId id) {
        return Optional.ofNullable(people.get(id));
    }

    /** The team of a person, if the person is in this view and has a team. */
    public Optional<TeamId> teamOf(PersonId id) {
        return person(id).flatMap(Person::teamId);
    }

    /** The team's name, or its id when the team has not been named. */
    public String teamName(TeamId id) {
        Team team = teams.get(id);
        return team == null ? id.value() : team.name();
    }
}
