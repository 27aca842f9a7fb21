package io.handoff.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds an ego map from adjacency strings read ring by ring, breadth first from the centre. People whose strings
 * are read come with their whole card; the outermost ring, whose strings are not read, comes with the summaries in
 * the lines that lead to them (name, team, time zone). An edge between two people whose strings are both read is in
 * both strings and is taken once, from the string read first.
 *
 * <p>Every line of every string read is looked at, so the lines are read where they stand: the other's id is looked
 * up in the people met so far without being copied ({@link RegionMap}), a line to someone already read is skipped
 * before its edge is decoded, and teams and time zones met before are shared ({@link AdjacencyDecoder}). The people
 * are kept in the order met and put into the map once, at its final size.
 */
final class NeighbourhoodReader {
    /**
     * Someone met: their id, what is known of them (their card once their own string is read, else the summary from
     * the first line that led to them) and whether their own string has been read (then their lines are in it).
     */
    private static final class Met {
        final String key;
        PersonId id;
        Person person;
        boolean read;

        Met(String key, PersonId id) {
            this.key = key;
            this.id = id;
        }

        PersonId id() {
            if (id == null) {
                id = PersonId.of(key);
            }
            return id;
        }
    }

    private final RegionMap<Met> met = new RegionMap<>(32);
    private final AdjacencyDecoder decoder = new AdjacencyDecoder();
    /** Everyone with a card or summary, in the order first met (the order of the map's people). */
    private final List<Met> people = new ArrayList<>();
    private final List<Handoff> edges = new ArrayList<>();

    NeighbourhoodReader(String centre) {
        met.put(centre, new Met(centre, null));
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
        Met self = met.get(id);
        if (self == null) {
            self = new Met(id, null);
            met.put(id, self);
        }
        PersonId me = self.id();
        self.read = true;
        if (self.person == null) {
            people.add(self);
        }
        self.person = decoder.person(me, adjacency.main(), 0, adjacency.cardEnd());
        adjacency.forEachLineAt((direction, text, idFrom, idTo, edgeFrom, edgeTo, summaryFrom, summaryTo) -> {
            int hash = met.hash(text, idFrom, idTo);
            Met other = met.get(text, idFrom, idTo, hash);
            if (other != null && other.read) {
                return;
            }
            boolean first = other == null;
            PersonId them = first ? PersonId.of(text.substring(idFrom, idTo)) : other.id();
            boolean out = direction == AdjacencyCodec.OUT;
            edges.add(decoder.edge(out ? me : them, out ? them : me, text, edgeFrom, edgeTo));
            if (first) {
                Met found = new Met(them.value(), them);
                met.put(them.value(), hash, found);
                next.add(them.value());
                found.person = decoder.person(them, text, summaryFrom, summaryTo);
                people.add(found);
            }
        });
    }

    /** The graph read; the reader hands its collections over and is done. */
    OrgGraph graph(Map<String, Team> teamsById) {
        // Built once, at its final size: no rehashing on the way, and each person's id hashed once more only.
        Map<PersonId, Person> byId = new LinkedHashMap<>((int) (people.size() / 0.75f) + 1);
        for (Met person : people) {
            byId.put(person.id(), person.person);
        }
        return new OrgGraph(ReadOnlyView.map(byId), ReadOnlyView.map(teamsOf(byId.values(), teamsById, Set.of())),
                ReadOnlyView.list(edges));
    }

    /** The teams of {@code people} and {@code alsoTeams}, as the directory knows them (unknown ones left out). */
    static Map<TeamId, Team> teamsOf(Iterable<Person> people, Map<String, Team> teamsById, Set<TeamId> alsoTeams) {
        Map<TeamId, Team> teams = new TreeMap<>();
        Set<TeamId> looked = new HashSet<>();
        for (TeamId team : alsoTeams) {
            lookUp(team, teamsById, teams, looked);
        }
        TeamId last = null;
        for (Person person : people) {
            TeamId team = person.team();
            // People of one team often come together, and share one TeamId when read together (AdjacencyDecoder).
            if (team != null && team != last) {
                lookUp(team, teamsById, teams, looked);
                last = team;
            }
        }
        return teams;
    }

    private static void lookUp(TeamId team, Map<String, Team> teamsById, Map<TeamId, Team> teams, Set<TeamId> looked) {
        if (looked.add(team)) {
            Team known = teamsById.get(team.value());
            if (known != null) {
                teams.put(team, known);
            }
        }
    }
}
