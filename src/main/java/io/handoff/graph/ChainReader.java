package io.handoff.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the chain behind (or ahead of) a set of people from adjacency strings read ring by ring: only the lines that
 * point the way of the walk are followed ({@code <} lines towards suppliers, {@code >} lines towards customers), and
 * disputed handoffs are not walked. Each handoff is in the strings of both its ends, but a walk reads it from one end
 * only (the end it is walked from), so it is taken once. The outermost ring comes with the summaries in the lines that
 * lead to them. Lines are read where they stand, as in {@link NeighbourhoodReader}: ids looked up without a copy, lines
 * the other way skipped before anything is decoded, teams, time zones and items shared ({@link AdjacencyDecoder}).
 */
final class ChainReader {
    private final char follow;
    /** Everyone met: id → their PersonId (null until needed for those the walk starts from). */
    private final RegionMap<PersonId[]> met = new RegionMap<>(32);
    private final AdjacencyDecoder decoder = new AdjacencyDecoder();
    private final Map<PersonId, Person> people = new LinkedHashMap<>();
    private final List<Handoff> edges = new ArrayList<>();

    ChainReader(Side towards, List<String> start) {
        this.follow = towards == Side.UPSTREAM ? AdjacencyCodec.IN : AdjacencyCodec.OUT;
        for (String id : start) {
            met.put(id, new PersonId[1]);
        }
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
        PersonId me = id(adjacency.id());
        people.put(me, decoder.person(me, adjacency.main(), 0, adjacency.cardEnd()));
        adjacency.forEachLineAt((direction, text, idFrom, idTo, edgeFrom, edgeTo, summaryFrom, summaryTo) -> {
            if (direction != follow) {
                return;
            }
            PersonId[] other = met.get(text, idFrom, idTo);
            PersonId them = other != null && other[0] != null ? other[0] : PersonId.of(text.substring(idFrom, idTo));
            boolean out = direction == AdjacencyCodec.OUT;
            Handoff edge = decoder.edge(out ? me : them, out ? them : me, text, edgeFrom, edgeTo);
            if (edge.status() == EdgeStatus.DISPUTED) {
                return;
            }
            edges.add(edge);
            if (other == null) {
                met.put(them.value(), new PersonId[] {them});
                next.add(them.value());
                people.putIfAbsent(them, decoder.person(them, text, summaryFrom, summaryTo));
            } else if (other[0] == null) {
                other[0] = them;
            }
        });
    }

    /** The people read and met, the teams they belong to and {@code alsoTeams}, as known to the directory. */
    OrgGraph graph(Map<String, Team> teamsById, Set<TeamId> alsoTeams) {
        return new OrgGraph(ReadOnlyView.map(people),
                ReadOnlyView.map(NeighbourhoodReader.teamsOf(people.values(), teamsById, alsoTeams)),
                ReadOnlyView.list(edges));
    }

    private PersonId id(String value) {
        PersonId[] known = met.get(value);
        if (known == null) {
            known = new PersonId[1];
            met.put(value, known);
        }
        if (known[0] == null) {
            known[0] = PersonId.of(value);
        }
        return known[0];
    }
}
