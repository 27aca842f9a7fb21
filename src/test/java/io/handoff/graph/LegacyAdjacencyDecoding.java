package io.handoff.graph;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The decoding of adjacency strings as it was before the decoder was made fast (commit 4040f5d): line by line with a
 * substring per id, {@code Long.parseLong} for the times, a {@link HandoffTerms} and a {@link Person} built from
 * substrings for every line, three hash sets per reader. Kept as the test oracle the fast decoding must agree with,
 * answer for answer and refusal for refusal ({@code AdjacencyDecodingEquivalenceTest}).
 */
final class LegacyAdjacencyDecoding {
    private static final Platform[] PLATFORMS = Platform.values();

    private LegacyAdjacencyDecoding() {
    }

    static void forEachLine(String adjacency, AdjacencyCodec.LineVisitor visitor) {
        int length = adjacency.length();
        int at = adjacency.indexOf('\n');
        while (at >= 0 && at + 1 < length) {
            if (adjacency.charAt(at + 1) == '#') {
                at = adjacency.indexOf('\n', at + 1);
                continue;
            }
            int idEnd = adjacency.indexOf('\t', at + 2);
            int edgeEnd = idEnd < 0 ? -1 : adjacency.indexOf('\t', idEnd + 1);
            int next = adjacency.indexOf('\n', at + 1);
            int lineEnd = next < 0 ? length : next;
            if (edgeEnd < 0 || edgeEnd > lineEnd) {
                throw new IllegalStateException("not an adjacency line: " + adjacency.substring(at + 1, lineEnd));
            }
            visitor.line(adjacency.charAt(at + 1), adjacency.substring(at + 2, idEnd), adjacency, idEnd + 1, edgeEnd,
                    edgeEnd + 1, lineEnd);
            at = next;
        }
    }

    static void forEachLine(Adjacency adjacency, AdjacencyCodec.LineVisitor visitor) {
        forEachLine(adjacency.main(), visitor);
        for (String part : adjacency.parts()) {
            if (part != null) {
                forEachLine(part, visitor);
            }
        }
    }

    static Person person(PersonId id, String text, int from, int to) {
        String name = null;
        String email = null;
        String team = null;
        ZoneId zone = null;
        Map<Platform, String> identities = new EnumMap<>(Platform.class);
        int field = 1;
        int start = from;
        while (start <= to) {
            int tab = text.indexOf('\t', start);
            int end = tab < 0 || tab > to ? to : tab;
            if (end > start) {
                String value = text.substring(start, end);
                switch (field) {
                    case 1 -> name = value;
                    case 2 -> email = value;
                    case 3 -> team = value;
                    case 4 -> zone = zone(value);
                    default -> {
                        int platform = field - 5;
                        if (platform < PLATFORMS.length) {
                            identities.put(PLATFORMS[platform], value);
                        }
                    }
                }
            }
            field++;
            start = end + 1;
        }
        return new Person(id, name, email, team == null ? null : TeamId.of(team), zone, identities);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a time zone in a card: " + id);
        }
    }

    static Handoff edge(PersonId upstream, PersonId downstream, String text, int from, int to) {
        if (text == null || to - from < 9 || text.charAt(from + 5) != ';') {
            throw new IllegalArgumentException("not an encoded edge: " + (text == null ? null : text.substring(from, to)));
        }
        int created = from + 6;
        int updated = text.indexOf(';', created) + 1;
        int confirmed = updated == 0 || updated > to ? 0 : text.indexOf(';', updated) + 1;
        int what = confirmed == 0 || confirmed > to ? 0 : text.indexOf(';', confirmed) + 1;
        if (what == 0 || what > to) {
            throw new IllegalArgumentException("not an encoded edge: " + text.substring(from, to));
        }
        HandoffTerms terms = new HandoffTerms(text.substring(what, to), Frequency.fromCode(text.charAt(from)),
                Criticality.fromCode(text.charAt(from + 1)));
        return new Handoff(upstream, downstream, terms, Health.fromCode(text.charAt(from + 2)),
                ClaimedBy.fromCode(text.charAt(from + 3)), EdgeStatus.fromCode(text.charAt(from + 4)),
                confirmed == what - 1 ? null : instant(text, confirmed, what - 1),
                instant(text, created, updated - 1), instant(text, updated, confirmed - 1));
    }

    private static Instant instant(String text, int from, int to) {
        try {
            long seconds = Long.parseLong(text, from, to, 36);
            if (seconds < 0 || seconds > Instant.MAX.getEpochSecond()) {
                throw new IllegalArgumentException("not an encoded edge (time out of range): " + text);
            }
            return Instant.ofEpochSecond(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an encoded edge (time '" + text.substring(from, to) + "'): " + text);
        }
    }

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

    /** The ego map reader as it was. */
    static final class Neighbourhood {
        private final Map<String, PersonId> ids = new HashMap<>();
        private final Set<String> read = new HashSet<>();
        private final Set<String> seen = new HashSet<>();
        private final Map<PersonId, Person> people = new LinkedHashMap<>();
        private final List<Handoff> edges = new ArrayList<>();

        Neighbourhood(String centre) {
            seen.add(centre);
        }

        List<String> ring(List<Adjacency> adjacency) {
            List<String> next = new ArrayList<>();
            for (Adjacency one : adjacency) {
                if (one != null) {
                    take(one, next);
                }
            }
            return next;
        }

        private void take(Adjacency adjacency, List<String> next) {
            String id = adjacency.id();
            PersonId me = id(id);
            read.add(id);
            people.put(me, person(me, adjacency.main(), 0, adjacency.cardEnd()));
            forEachLine(adjacency, (direction, other, text, edgeFrom, edgeTo, summaryFrom, summaryTo) -> {
                if (read.contains(other)) {
                    return;
                }
                PersonId them = id(other);
                boolean out = direction == '>';
                edges.add(edge(out ? me : them, out ? them : me, text, edgeFrom, edgeTo));
                if (seen.add(other)) {
                    next.add(other);
                    people.put(them, person(them, text, summaryFrom, summaryTo));
                }
            });
        }

        OrgGraph graph(Map<String, Team> teamsById) {
            return new OrgGraph(people, teamsOf(people.values(), teamsById, Set.of()), edges);
        }

        private PersonId id(String value) {
            return ids.computeIfAbsent(value, PersonId::of);
        }
    }

    /** The chain reader as it was. */
    static final class Chain {
        private final char follow;
        private final Map<String, PersonId> ids = new HashMap<>();
        private final Set<String> seen = new HashSet<>();
        private final Map<PersonId, Person> people = new LinkedHashMap<>();
        private final List<Handoff> edges = new ArrayList<>();

        Chain(Side towards, List<String> start) {
            this.follow = towards == Side.UPSTREAM ? '<' : '>';
            seen.addAll(start);
        }

        List<String> ring(List<Adjacency> adjacency) {
            List<String> next = new ArrayList<>();
            for (Adjacency one : adjacency) {
                if (one != null) {
                    take(one, next);
                }
            }
            return next;
        }

        private void take(Adjacency adjacency, List<String> next) {
            PersonId me = id(adjacency.id());
            people.put(me, person(me, adjacency.main(), 0, adjacency.cardEnd()));
            forEachLine(adjacency, (direction, other, text, edgeFrom, edgeTo, summaryFrom, summaryTo) -> {
                if (direction != follow) {
                    return;
                }
                PersonId them = id(other);
                boolean out = direction == '>';
                Handoff edge = edge(out ? me : them, out ? them : me, text, edgeFrom, edgeTo);
                if (edge.status() == EdgeStatus.DISPUTED) {
                    return;
                }
                edges.add(edge);
                if (seen.add(other)) {
                    next.add(other);
                    people.putIfAbsent(them, person(them, text, summaryFrom, summaryTo));
                }
            });
        }

        OrgGraph graph(Map<String, Team> teamsById, Set<TeamId> alsoTeams) {
            return new OrgGraph(people, teamsOf(people.values(), teamsById, alsoTeams), edges);
        }

        private PersonId id(String value) {
            return ids.computeIfAbsent(value, PersonId::of);
        }
    }
}
