package io.handoff.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * The fast decoding of adjacency strings ({@link AdjacencyDecoder}, {@link RegionMap}, {@link EdgeCodec}'s own
 * base-36 reading, {@link NeighbourhoodReader}, {@link ChainReader}) answers exactly as the decoding it replaced
 * ({@link LegacyAdjacencyDecoding}, kept as the oracle) on random strings: the same people in the same order, the same
 * edges in the same order, the same rings, or the same refusal (class and message). The strings are mostly well
 * formed, with ids, items, teams and zones repeating (what the caches share) and now and then a field broken in one of
 * the ways stored text could be: bad ids, teams and zones, blank names, signs, upper case, non-ASCII digits and too
 * many digits in the times, missing separators, unknown codes, part count lines.
 */
class AdjacencyDecodingEquivalenceTest {
    private static final String[] IDS = {"pat", "dana", "lee", "mia", "ravi", "u1", "u12", "u123", "ana.b", "zoe+1"};
    private static final String[] BAD_IDS = {"", "a b", "x:y", "{t}", "é", "-lead"};
    private static final String[] TEAMS = {"drivers", "dispatch", "pre-load", "desk"};
    /** More than the decoder finds by a scan (16), so reads with many time zones also take its hash map. */
    private static final String[] ZONES = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Europe/London",
        "Europe/Paris", "Europe/Madrid", "Europe/Rome", "Europe/Oslo", "America/Chicago", "America/Denver",
        "America/Lima", "Asia/Tokyo", "Asia/Seoul", "Asia/Dubai", "Africa/Lagos", "Africa/Cairo", "Australia/Sydney",
        "Pacific/Auckland", "Asia/Singapore"};
    private static final String[] WHATS = {"loaded truck", "route plan", "invoice;batch", " rota ", "ÿ keys", "x"};
    private static final String[] TIMES = {"t68n40", "t68n41", "T68N42", "0", "+t68n40", "-1", "zzzzzzzzzzzz", "8gx2p1ba9ou",
            "1000000000000", "٣", "Ａ", "", "t6 8", "8gx2p1ba9ot"};

    @Test
    void egoMapsReadAsBefore() {
        Random random = new Random(20_261_205L);
        int refused = 0;
        int partsKept = 0;
        for (int run = 0; run < 3_000; run++) {
            double breakage = run % 3 == 0 ? 0 : 0.02 * (run % 7);
            Map<String, Adjacency> stored = org(random, breakage);
            String centre = pick(random, IDS);
            int depth = 1 + random.nextInt(3);
            Map<String, Team> teams = directory(random);
            Object legacy = outcome(() -> {
                LegacyAdjacencyDecoding.Neighbourhood reader = new LegacyAdjacencyDecoding.Neighbourhood(centre);
                return egoMap(reader::ring, reader::graph, stored, centre, depth, teams);
            });
            Object fast = outcome(() -> egoMap(new NeighbourhoodReader(centre), stored, centre, depth, teams));
            assertThat(fast).as("run %d", run).isEqualTo(legacy);
            // With decoded parts kept: the first read decodes and keeps them, the second takes the kept ones.
            DecodedParts decoded = new DecodedParts(DecodedParts.MAX_LINES);
            for (int read = 0; read < 2; read++) {
                Object kept = outcome(() -> egoMap(new NeighbourhoodReader(centre, decoded, KEYS), stored, centre, depth,
                        teams));
                assertThat(kept).as("run %d, read %d with decoded parts", run, read).isEqualTo(legacy);
            }
            refused += legacy instanceof String ? 1 : 0;
            partsKept += decoded.size();
        }
        // Both answers and refusals were compared, many of each, and parts were taken decoded.
        assertThat(refused).isBetween(300, 2_700);
        assertThat(partsKept).isGreaterThan(1_000);
    }

    private static final GraphKeys KEYS = new GraphKeys(TenantId.of("acme"));

    private static Object egoMap(NeighbourhoodReader reader, Map<String, Adjacency> stored, String centre, int depth,
                                 Map<String, Team> teams) {
        return egoMap(reader::ring, reader::graph, stored, centre, depth, teams);
    }

    /** The rings read from {@code centre} and the map's answer, by either reader (the legacy one or ours). */
    private static Object egoMap(Function<List<Adjacency>, List<String>> readRing,
                                 Function<Map<String, Team>, OrgGraph> graph, Map<String, Adjacency> stored,
                                 String centre, int depth, Map<String, Team> teams) {
        List<Object> rings = new ArrayList<>();
        List<String> ring = List.of(centre);
        for (int level = 0; level < depth && !ring.isEmpty(); level++) {
            ring = readRing.apply(ring.stream().map(stored::get).toList());
            rings.add(ring);
        }
        return List.of(rings, answer(graph.apply(teams)));
    }

    @Test
    void chainsReadAsBefore() {
        Random random = new Random(20_261_206L);
        int refused = 0;
        for (int run = 0; run < 3_000; run++) {
            double breakage = run % 3 == 0 ? 0 : 0.02 * (run % 7);
            Map<String, Adjacency> stored = org(random, breakage);
            List<String> start = List.of(pick(random, IDS), pick(random, IDS)).stream().distinct().toList();
            Side towards = random.nextBoolean() ? Side.UPSTREAM : Side.DOWNSTREAM;
            int depth = 1 + random.nextInt(4);
            Map<String, Team> teams = directory(random);
            Set<TeamId> alsoTeams = Set.of(TeamId.of(pick(random, TEAMS)));
            Object legacy = outcome(() -> {
                LegacyAdjacencyDecoding.Chain reader = new LegacyAdjacencyDecoding.Chain(towards, start);
                List<Object> rings = new ArrayList<>();
                List<String> ring = start;
                for (int level = 0; level < depth && !ring.isEmpty(); level++) {
                    ring = reader.ring(ring.stream().map(stored::get).toList());
                    rings.add(ring);
                }
                return List.of(rings, answer(reader.graph(teams, alsoTeams)));
            });
            Object fast = outcome(() -> {
                ChainReader reader = new ChainReader(towards, start);
                List<Object> rings = new ArrayList<>();
                List<String> ring = start;
                for (int level = 0; level < depth && !ring.isEmpty(); level++) {
                    ring = reader.ring(ring.stream().map(stored::get).toList());
                    rings.add(ring);
                }
                return List.of(rings, answer(reader.graph(teams, alsoTeams)));
            });
            assertThat(fast).as("run %d", run).isEqualTo(legacy);
            refused += legacy instanceof String ? 1 : 0;
        }
        assertThat(refused).isBetween(300, 2_700);
    }

    /** Edges and cards one by one through one decoder (its caches filling up), against the old decoding. */
    @Test
    void edgesAndCardsReadAsBefore() {
        Random random = new Random(20_261_207L);
        AdjacencyDecoder decoder = new AdjacencyDecoder();
        PersonId up = PersonId.of("pat");
        PersonId down = PersonId.of("dana");
        int decoded = 0;
        for (int run = 0; run < 50_000; run++) {
            double breakage = run % 2 == 0 ? 0.01 : 0.3;
            String edge = "…" + edge(random, breakage) + "\t";
            int from = 1;
            int to = edge.length() - 1;
            Object legacy = outcome(() -> LegacyAdjacencyDecoding.edge(up, down, edge, from, to));
            assertThat(outcome(() -> decoder.edge(up, down, edge, from, to))).as(edge).isEqualTo(legacy);
            assertThat(outcome(() -> EdgeCodec.decode(up, down, edge, from, to))).as(edge).isEqualTo(legacy);
            decoded += legacy instanceof Handoff ? 1 : 0;
            String card = "x\n" + card(random, breakage, random.nextBoolean()) + "\ny\tz";
            int cardTo = card.indexOf('\n', 2);
            Object oldCard = outcome(() -> LegacyAdjacencyDecoding.person(up, card, 2, cardTo));
            assertThat(outcome(() -> decoder.person(up, card, 2, cardTo))).as(card).isEqualTo(oldCard);
            assertThat(outcome(() -> AdjacencyCodec.person(up, card, 2, cardTo))).as(card).isEqualTo(oldCard);
        }
        assertThat(decoded).isBetween(10_000, 45_000);
    }

    /** The map the readers look ids up in, where they stand in a longer text, answers as a HashMap of the copies. */
    @Test
    void regionMapAnswersAsAHashMap() {
        Random random = new Random(20_261_208L);
        RegionMap<Integer> regions = new RegionMap<>(4);
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            String key = random.nextInt(4) == 0 ? "u" + random.nextInt(3_000)
                    : Integer.toString(random.nextInt(500), 36) + "é".repeat(random.nextInt(2));
            String text = "\t>" + key + "\t";
            Integer value = regions.get(text, 2, 2 + key.length());
            assertThat(value).as(key).isEqualTo(expected.get(key));
            if (random.nextBoolean()) {
                regions.put(key, i);
                expected.put(key, i);
            }
        }
        assertThat(regions.size()).isEqualTo(expected.size()).isGreaterThan(1_000);
        expected.forEach((key, value) -> assertThat(regions.get(key)).isEqualTo(value));
        assertThat(regions.get("", 0, 0)).isEqualTo(expected.get(""));
    }

    // ---- the random organisation ----

    private static Map<String, Adjacency> org(Random random, double breakage) {
        Map<String, Adjacency> stored = new HashMap<>();
        for (String id : IDS) {
            if (random.nextInt(12) == 0) {
                continue;
            }
            StringBuilder lines = new StringBuilder();
            int count = random.nextInt(random.nextInt(8) == 0 ? 40 : 8);
            for (int i = 0; i < count; i++) {
                lines.append(line(random, id, breakage));
            }
            String card = card(random, breakage, true);
            if (random.nextInt(4) == 0) {
                // split into parts: the lines dealt out, the string keeping its card and the part count
                int parts = 1 + random.nextInt(3);
                List<StringBuilder> texts = new ArrayList<>();
                for (int k = 0; k < parts; k++) {
                    texts.add(new StringBuilder());
                }
                for (String line : lines.toString().split("(?=\n)")) {
                    texts.get(random.nextInt(parts)).append(line);
                }
                List<String> partTexts = texts.stream().map(t -> t.isEmpty() && random.nextBoolean() ? null
                        : t.toString()).toList();
                stored.put(id, new Adjacency(id, card + "\n#" + parts, partTexts));
            } else {
                stored.put(id, new Adjacency(id, card + lines, List.of()));
            }
        }
        return stored;
    }

    private static String line(Random random, String self, double breakage) {
        String other = broken(random, breakage) ? pick(random, BAD_IDS) : pick(random, IDS);
        if (other.equals(self) && !broken(random, breakage)) {
            other = "pat".equals(self) ? "dana" : "pat";
        }
        char direction = broken(random, breakage) ? "#x\t".charAt(random.nextInt(3)) : random.nextBoolean() ? '>' : '<';
        String tab = broken(random, breakage) ? "" : "\t";
        return "\n" + direction + other + "\t" + edge(random, breakage) + tab + card(random, breakage, false);
    }

    private static String edge(Random random, double breakage) {
        boolean confirmed = random.nextInt(3) == 0;
        String codes = "" + pick(random, "DWMA", breakage) + pick(random, "RIC", breakage) + pick(random, "OSB", breakage)
                + (confirmed ? 'B' : pick(random, "UD", breakage)) + (confirmed ? 'F' : pick(random, "CX", breakage));
        String created = broken(random, breakage) ? pick(random, TIMES) : "t68n40";
        String updated = broken(random, breakage) ? pick(random, TIMES) : "t68n4" + random.nextInt(3);
        String last = confirmed || random.nextInt(4) == 0 ? "t68n4" + (1 + random.nextInt(2)) : "";
        if (broken(random, breakage)) {
            last = pick(random, TIMES);
        }
        String edge = codes + ";" + created + ";" + updated + ";" + last + ";" + pick(random, WHATS);
        if (broken(random, breakage)) {
            int cut = random.nextInt(edge.length() + 1);
            edge = random.nextBoolean() ? edge.substring(0, cut)
                    : edge.substring(0, cut) + ";;\u0007".charAt(random.nextInt(3)) + edge.substring(cut);
        }
        return edge;
    }

    private static String card(Random random, double breakage, boolean whole) {
        String name = broken(random, breakage) ? pick(random, new String[] {"", " ", " Ana ", "x\u0001"})
                : pick(random, new String[] {"Pat Jones", "Dana", "Zoë Ünal", "李雷"});
        String email = !whole ? "" : broken(random, breakage) ? pick(random, new String[] {"no-at", "a@b@c", " "})
                : random.nextBoolean() ? "" : "Pat@Acme.example";
        String team = broken(random, breakage) ? pick(random, BAD_IDS) : random.nextInt(5) == 0 ? "" : pick(random, TEAMS);
        String zone = broken(random, breakage) ? pick(random, new String[] {"Mars/Base", "utc", "+01:00", "GMT+2"})
                : random.nextInt(6) == 0 ? "" : pick(random, ZONES);
        StringBuilder card = new StringBuilder(name).append('\t').append(email).append('\t').append(team).append('\t')
                .append(zone);
        int platforms = whole ? random.nextInt(5) : broken(random, breakage) ? 1 : 0;
        for (int p = 0; p < platforms; p++) {
            card.append('\t').append(random.nextBoolean() ? "" : "U0" + random.nextInt(99));
        }
        return random.nextInt(20) == 0 ? card.substring(0, random.nextInt(card.length() + 1)) : card.toString();
    }

    private static Map<String, Team> directory(Random random) {
        Map<String, Team> teams = new HashMap<>();
        for (String team : TEAMS) {
            if (random.nextBoolean()) {
                teams.put(team, Team.of(team, team.toUpperCase()));
            }
        }
        return teams;
    }

    private static boolean broken(Random random, double breakage) {
        return random.nextDouble() < breakage;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static char pick(Random random, String codes, double breakage) {
        return broken(random, breakage) ? "ZQ;é".charAt(random.nextInt(4)) : codes.charAt(random.nextInt(codes.length()));
    }

    // ---- comparing answers ----

    /** Everything a reader answers, orders included (the maps of OrgGraph compare without their order). */
    private static List<Object> answer(OrgGraph graph) {
        return List.of(new ArrayList<>(graph.people().entrySet()), new ArrayList<>(graph.teams().entrySet()),
                graph.edges(), lookups(graph.people()), new ArrayList<>(graph.people().keySet()),
                new ArrayList<>(graph.people().values()), graph.people().size(), graph.people().hashCode());
    }

    /**
     * What the people map answers when asked for each id the random strings use (and for one never used, and for
     * something not an id): the fast reader hands out its own table as the map, so its lookups are compared too.
     */
    private static List<Object> lookups(Map<PersonId, Person> people) {
        List<Object> answers = new ArrayList<>();
        for (String id : IDS) {
            PersonId person = PersonId.of(id);
            answers.add(String.valueOf(people.get(person)));
            answers.add(people.containsKey(person));
            answers.add(people.keySet().contains(person));
        }
        answers.add(people.containsKey(PersonId.of("nobody")));
        answers.add(people.get("pat") == null);
        return answers;
    }

    /** The answer, or the refusal as its class and message. */
    private static Object outcome(Supplier<Object> read) {
        try {
            return read.get();
        } catch (RuntimeException refused) {
            return refused.getClass().getName() + ": " + refused.getMessage();
        }
    }
}
