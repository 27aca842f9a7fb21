package io.handoff.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds an ego map from adjacency strings read ring by ring, breadth first from the centre. People whose strings
 * are read come with their whole card; the outermost ring, whose strings are not read, comes with the summaries in
 * the lines that lead to them (name, team, time zone). An edge between two people whose strings are both read is in
 * both strings and is taken once, from the string read first.
 */
final class NeighbourhoodReader {
    private final Map<String, PersonId> ids = new HashMap<>();
    private final Set<String> read = new HashSet<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<PersonId, Person> people = new LinkedHashMap<>();
    private final List<Handoff> edges = new ArrayList<>();

    NeighbourhoodReader(String centre) {
        seen.add(centre);
    }

    /**
     * Takes in the adjacency of one ring (null for someone deleted meanwhile) and returns the ids of the next ring:
     * everyone named in them not met before.
     */
    List<String> ring(List<Adjacency> adjacency) {
        List<String> next = new ArrayList<>();
        for (Adjacency read : adjacency) {
            if (read != null) {
                take(read, next);
            }
        }
        return next;
    }

    private void take(Adjacency adjacency, List<String> next) {
        String id = adjacency.id();
        PersonId me = id(id);
        read.add(id);
        people.put(me, AdjacencyCodec.person(me, adjacency.main(), 0, adjacency.cardEnd()));
        adjacency.forEachLine((direction, other, text, edgeFrom, edgeTo, summaryFrom, summaryTo) -> {
            if (read.contains(other)) {
                return;
            }
            PersonId them = id(other);
            boolean out = direction == AdjacencyCodec.OUT;
            edges.add(EdgeCodec.decode(out ? me : them, out ? them : me, text, edgeFrom, edgeTo));
            if (seen.add(other)) {
                next.add(other);
                people.put(them, AdjacencyCodec.person(them, text, summaryFrom, summaryTo));
            }
        });
    }

    OrgGraph graph(Map<String, Team> teamsById) {
        return new OrgGraph(people, teamsOf(people.values(), teamsById, Set.of()), edges);
    }

    /** The teams of {@code people} and {@code alsoTeams}, as the directory knows them (unknown ones left out). */
    static Map<TeamId, Team> teamsOf(Iterable<Person> people, Map<String, Team> teamsById, Set<TeamId> alsoTeams) {
        Map<TeamId, Team> teams = new TreeMap<>();
        for (TeamId team : alsoTeams) {
            Optional.ofNullable(teamsById.get(team.value())).ifPresent(known -> teams.put(team, known));
        }
        for (Person person : people) {
            TeamId team = person.team();
            if (team != null && !teams.containsKey(team)) {
                Optional.ofNullable(teamsById.get(team.value())).ifPresent(known -> teams.put(team, known));
            }
        }
        return teams;
    }

    private PersonId id(String value) {
        PersonId id = ids.get(value);
        if (id == null) {
            id = PersonId.of(value);
            ids.put(value, id);
        }
        return id;
    }
}
