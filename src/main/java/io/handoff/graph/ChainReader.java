package io.handoff.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the chain behind (or ahead of) a set of people from adjacency strings read ring by ring: only the lines that
 * point the way of the walk are followed ({@code <} lines towards suppliers, {@code >} lines towards customers), and
 * disputed handoffs are not walked. Each handoff is in the strings of both its ends, but a walk reads it from one end
 * only (the end it is walked from), so it is taken once. The outermost ring comes with the summaries in the lines that
 * lead to them.
 */
final class ChainReader {
    private final char follow;
    private final Map<String, PersonId> ids = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<PersonId, Person> people = new LinkedHashMap<>();
    private final List<Handoff> edges = new ArrayList<>();

    ChainReader(Side towards, List<String> start) {
        this.follow = towards == Side.UPSTREAM ? AdjacencyCodec.IN : AdjacencyCodec.OUT;
        seen.addAll(start);
    }

    /** Takes in one ring's strings (null for someone deleted) and returns the ids of the next ring. */
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
        people.put(me, AdjacencyCodec.person(me, adjacency.main(), 0, adjacency.cardEnd()));
        adjacency.forEachLine((direction, other, text, edgeFrom, edgeTo, summaryFrom, summaryTo) -> {
            if (direction != follow) {
                return;
            }
            PersonId them = id(other);
            boolean out = direction == AdjacencyCodec.OUT;
            Handoff edge = EdgeCodec.decode(out ? me : them, out ? them : me, text, edgeFrom, edgeTo);
            if (edge.status() == EdgeStatus.DISPUTED) {
                return;
            }
            edges.add(edge);
            if (seen.add(other)) {
                next.add(other);
                people.putIfAbsent(them, AdjacencyCodec.person(them, text, summaryFrom, summaryTo));
            }
        });
    }

    /** The people read and met, the teams they belong to and {@code alsoTeams}, as known to the directory. */
    OrgGraph graph(Map<String, Team> teamsById, Set<TeamId> alsoTeams) {
        return new OrgGraph(people, NeighbourhoodReader.teamsOf(people.values(), teamsById, alsoTeams), edges);
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
