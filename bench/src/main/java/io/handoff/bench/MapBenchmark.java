package io.handoff.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import io.handoff.graph.ClaimedBy;
import io.handoff.graph.Criticality;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.Frequency;
import io.handoff.graph.Handoff;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Health;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TeamLink;
import io.handoff.graph.TeamMap;
import io.handoff.graph.TenantId;
import io.handoff.map.DependencyMap;
import io.handoff.map.FrictionScores;
import io.handoff.map.MapBuilder;
import io.handoff.map.MapRenderer;
import io.handoff.map.MapScope;

/**
 * Render times of map pictures (layout with ELK + drawing + PNG encoding): a 60-person ego map (target under 300 ms)
 * and a 500-team org map (target under 2 s), medians of repeated runs after warm-up, and the peak heap.
 * Run: {@code ./mvnw -Pbench compile exec:java -Dexec.mainClass=io.handoff.bench.MapBenchmark}.
 */
public final class MapBenchmark {
    private static final TenantId TENANT = TenantId.of("bench");

    private MapBenchmark() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int people = Integer.getInteger("egoPeople", 60);
        int teams = Integer.getInteger("orgTeams", 500);
        MapBuilder builder = new MapBuilder(FrictionScores.NONE, MapBuilder.DEFAULT_COLLAPSE_ABOVE, 5);
        MapRenderer renderer = new MapRenderer();

        DependencyMap ego = builder.people(TENANT, new MapScope.Person(PersonId.of("p0"), 2),
                "Benchmark ego map", egoGraph(people, new Random(7)));
        DependencyMap org = builder.teams(TENANT, new MapScope.Org(), "Benchmark org map", orgMap(teams, new Random(11)));
        System.out.printf(Locale.ROOT, "ego map: %d people, %d handoffs, %d teams%n", ego.nodes().size(),
                ego.edges().size(), ego.groups().size());
        System.out.printf(Locale.ROOT, "org map: %d teams, %d team links%n", org.nodes().size(), org.edges().size());

        resetPeaks();
        double egoMs = median(() -> renderer.png(ego), 5, 15);
        System.out.printf(Locale.ROOT, "ego PNG (60 people): median %.0f ms (target < 300 ms), %d bytes%n", egoMs,
                renderer.png(ego).length);
        System.out.printf(Locale.ROOT, "  of which ELK layout: median %.0f ms%n", median(() -> {
            renderer.layout(ego);
            return new byte[0];
        }, 3, 9));
        double orgMs = median(() -> renderer.png(org), 2, 5);
        System.out.printf(Locale.ROOT, "org PNG (500 teams): median %.0f ms (target < 2000 ms), %d bytes%n", orgMs,
                renderer.png(org).length);
        System.out.printf(Locale.ROOT, "  of which ELK layout: median %.0f ms%n", median(() -> {
            renderer.layout(org);
            return new byte[0];
        }, 1, 3));
        System.out.printf(Locale.ROOT, "peak heap: %.0f MB (max heap %.0f MB)%n", peakHeapBytes() / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
    }

    /** About {@code size} people in teams of 4 to 10, each with 2 to 4 handoffs to others (mostly nearby). */
    static OrgGraph egoGraph(int size, Random random) {
        List<Team> teams = new ArrayList<>();
        List<Person> people = new ArrayList<>();
        int team = 0;
        for (int i = 0; i < size; ) {
            int members = 4 + random.nextInt(7);
            teams.add(Team.of("t" + team, "Team number " + team));
            for (int m = 0; m < members && i < size; m++, i++) {
                people.add(Person.of("p" + i, "Person " + i + " of team " + team, "t" + team));
            }
            team++;
        }
        List<Handoff> edges = new ArrayList<>();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < size; i++) {
            int out = 2 + random.nextInt(3);
            for (int k = 0; k < out; k++) {
                int j = Math.floorMod(i + 1 + random.nextInt(12) - (random.nextBoolean() ? 6 : 0), size);
                if (j == i || !seen.add(i + ">" + j)) {
                    continue;
                }
                edges.add(edge("p" + i, "p" + j, random, now));
            }
        }
        return OrgGraph.of(people, teams, edges);
    }

    private static Handoff edge(String up, String down, Random random, Instant now) {
        HandoffTerms terms = new HandoffTerms("work item " + random.nextInt(1000),
                Frequency.values()[random.nextInt(4)], Criticality.values()[random.nextInt(3)]);
        int status = random.nextInt(10);
        if (status < 6) {
            return new Handoff(PersonId.of(up), PersonId.of(down), terms, Health.OK, ClaimedBy.BOTH,
                    EdgeStatus.CONFIRMED, now, now, now);
        }
        return new Handoff(PersonId.of(up), PersonId.of(down), terms, Health.OK, ClaimedBy.DOWNSTREAM,
                status < 9 ? EdgeStatus.CLAIMED : EdgeStatus.DISPUTED, null, now, now);
    }

    /** {@code size} teams, each handing work to 2 to 4 other teams. */
    static TeamMap orgMap(int size, Random random) {
        Map<TeamId, Team> teams = new java.util.LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            teams.put(TeamId.of("t" + i), Team.of("t" + i, "Team number " + i));
        }
        List<TeamLink> links = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < size; i++) {
            int out = 2 + random.nextInt(3);
            for (int k = 0; k < out; k++) {
                int j = random.nextInt(size);
                if (j == i || !seen.add(i + ">" + j)) {
                    continue;
                }
                int routine = random.nextInt(4);
                int important = random.nextInt(3);
                int critical = random.nextInt(3);
                int edges = routine + important + critical;
                if (edges == 0) {
                    routine = edges = 1;
                }
                int confirmed = random.nextInt(edges + 1);
                int disputed = random.nextInt(edges - confirmed + 1) / 2;
                links.add(new TeamLink(TeamId.of("t" + i), TeamId.of("t" + j), edges, routine, important, critical,
                        confirmed, disputed, edges - confirmed - disputed));
            }
        }
        return new TeamMap(teams, links);
    }

    private static double median(Supplier<byte[]> run, int warmups, int runs) {
        for (int i = 0; i < warmups; i++) {
            run.get();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
