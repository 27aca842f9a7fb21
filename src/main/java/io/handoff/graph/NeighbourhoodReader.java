package io.handoff.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
 * up in the people met so far without being copied ({@link MetPeople}), a line to someone already read is skipped
 * before its edge is decoded, and teams and time zones met before are shared ({@link AdjacencyDecoder}). The people
 * are kept in the order met, in the table their ids are looked up in, and that table is the map handed out. A busy
 * person's parts whose text is as this replica last read it come with their lines decoded ({@link DecodedParts}),
 * taken line by line in the same way.
 */
final class NeighbourhoodReader {
    /** About how many characters a line takes at least (id, edge, summary): sizes the tables once per ring. */
    private static final int LINE_GUESS = 64;

    /**
     * Everyone met: their id, what is known of them (their card once their own string is read, else the summary from
     * the first line that led to them) and whether their own string has been read (then their lines are in it); in
     * the order first met, which is the order of the map's people, and at the end the map itself.
     */
    private final MetPeople met = new MetPeople(32);
    private final AdjacencyDecoder decoder = new AdjacencyDecoder();
    private final ArrayList<Handoff> edges = new ArrayList<>();

    /** Busy people's parts decoded before (null: every line is decoded here), and the keys they are kept under. */
    private final DecodedParts decoded;
    private final GraphKeys keys;

    NeighbourhoodReader(String centre) {
        this(centre, null, null);
    }

    NeighbourhoodReader(String centre, DecodedParts decoded, GraphKeys keys) {
        this.decoded = decoded;
        this.keys = keys;
        met.add(centre, centre.hashCode(), null);
    }

    /**
     * Takes in the adjacency of one ring (null for someone deleted meanwhile) and returns the ids of the next ring:
     * everyone named in them not met before.
     */
    List<String> ring(List<Adjacency> adjacency) {
        int length = 0;
        for (int i = 0; i < adjacency.size(); i++) {
            Adjacency read = adjacency.get(i);
            length += read == null ? 0 : read.length();
        }
        int lines = length / LINE_GUESS;
        met.expect(lines);
        edges.ensureCapacity(edges.size() + lines);
        List<String> next = new ArrayList<>(lines);
        for (int i = 0; i < adjacency.size(); i++) {
            Adjacency read = adjacency.get(i);
            if (read != null) {
                take(read, next);
            }
        }
        return next;
    }

    private void take(Adjacency adjacency, List<String> next) {
        String id = adjacency.id();
        int self = met.find(id);
        if (self < 0) {
            self = met.add(id, id.hashCode(), null);
        }
        PersonId me = met.id(self);
        met.markRead(self);
        met.person(self, decoder.person(me, adjacency.main(), 0, adjacency.cardEnd()));
        AdjacencyCodec.LineRegions visitor = (direction, text, idFrom, idTo, edgeFrom, edgeTo, summaryFrom, summaryTo) -> {
            int hash = met.hash(text, idFrom, idTo);
            int other = met.find(text, idFrom, idTo, hash);
            if (other >= 0 && met.read(other)) {
                return;
            }
            boolean first = other < 0;
            PersonId them = first ? PersonId.of(text.substring(idFrom, idTo)) : met.id(other);
            boolean out = direction == AdjacencyCodec.OUT;
            edges.add(decoder.edge(out ? me : them, out ? them : me, text, edgeFrom, edgeTo));
            if (first) {
                int found = met.add(them.value(), hash, them);
                next.add(them.value());
                met.person(found, decoder.person(them, text, summaryFrom, summaryTo));
            }
        };
        AdjacencyCodec.forEachLineAt(adjacency.main(), visitor);
        List<String> parts = adjacency.parts();
        for (int k = 0; k < parts.size(); k++) {   // no iterator for the many strings without parts
            String part = parts.get(k);
            DecodedParts.Lines lines = part == null || decoded == null ? null
                    : decoded.lines(keys.adjacencyPart(id, k), me, part);
            if (lines != null) {
                take(lines, next);
            } else if (part != null) {
                AdjacencyCodec.forEachLineAt(part, visitor);
            }
        }
    }

    /** A part's lines decoded already: each taken as the visitor above takes the line it was decoded from. */
    private void take(DecodedParts.Lines lines, List<String> next) {
        for (int line = 0; line < lines.count(); line++) {
            String them = lines.other(line);
            int hash = lines.hash(line);
            int other = met.find(them, 0, them.length(), hash);
            if (other >= 0 && met.read(other)) {
                continue;
            }
            edges.add(lines.edge(line));
            if (other < 0) {
                int found = met.add(them, hash, lines.id(line));
                next.add(them);
                met.person(found, lines.summary(line));
            }
        }
    }

    /** The graph read; the reader hands its collections over and is done. */
    OrgGraph graph(Map<String, Team> teamsById) {
        // The table of people met is the map handed out (no map built at the end).
        Map<PersonId, Person> byId = met.view();
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
        // People read together share one TeamId per team (AdjacencyDecoder, DecodedParts): each TeamId is looked up
        // once, found again by identity, without hashing and comparing the id for every person.
        Set<TeamId> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Person person : people) {
            TeamId team = person.team();
            if (team != null && seen.add(team)) {
                lookUp(team, teamsById, teams, looked);
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
