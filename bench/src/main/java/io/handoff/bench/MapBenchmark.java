package io.handoff.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import io.handoff.map.MapFormat;
import io.handoff.map.MapRenderer;
import io.handoff.map.MapScope;
import io.handoff.map.export.MapExporter;

/**
 * Map pictures side by side with Graphviz, in the same run: the same 60-person ego map and the same 500-team org map
 * drawn by Handoff ({@link MapRenderer#png}: ELK layout, drawing, PNG encoding) and by {@code dot -Tpng} on Handoff's
 * own DOT export ({@link MapExporter}, {@link MapFormat#DOT}), timed from the process start to the last PNG byte
 * read. The two alternate run by run, after warm-up, so drift on a busy machine hits both alike. Prints both medians,
 * both PNG sizes, the ratio, the load average beside each, the peak heap, and PASS or FAIL against the targets:
 * Handoff at most 1.0x {@code dot} on both maps, ego map under 300 ms, org map under 2 s. Where {@code dot} is not
 * installed it says so and skips the comparison. Exits 0 whatever the verdicts.
 * Run: {@code ./mvnw -Pbench compile exec:java -Dexec.mainClass=io.handoff.bench.MapBenchmark}
 * ({@code -DegoRuns=11 -DorgRuns=5 -Ddot=/path/to/dot -DdotTimeoutSeconds=60}: a dot run longer than that is
 * killed, and dot's time is reported as more than the limit).
 */
public final class MapBenchmark {
    private static final TenantId TENANT = TenantId.of("bench");
    private static final double EGO_TARGET_MS = 300;
    private static final double ORG_TARGET_MS = 2000;
    private static final double DOT_RATIO_TARGET = 1.0;
    private static final PrintStream OUT = System.out;

    private MapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        // EMF (under ELK) starts a daemon thread polling a reference queue, which prints an InterruptedException when
        // exec:java interrupts it at exit; without it EMF's string pool clears its entries as it goes.
        System.setProperty("org.eclipse.emf.common.util.ReferenceClearingQueue", "false");
        int people = Integer.getInteger("egoPeople", 60);
        int teams = Integer.getInteger("orgTeams", 500);
        MapBuilder builder = new MapBuilder(FrictionScores.NONE, MapBuilder.DEFAULT_COLLAPSE_ABOVE, 5);
        MapRenderer renderer = new MapRenderer();
        MapExporter exporter = new MapExporter(renderer);
        Graphviz dot = Graphviz.find(System.getProperty("dot", "dot"),
                Duration.ofSeconds(Long.getLong("dotTimeoutSeconds", 60)));
        OUT.printf(Locale.ROOT, "Handoff map benchmark: Handoff (ELK layout + drawing + PNG) against %s; JVM %s, %d CPUs%n",
                dot == null ? "nothing (Graphviz dot is not installed: comparison skipped)" : dot.version(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        OUT.println(LoadAverage.line());

        DependencyMap ego = builder.people(TENANT, new MapScope.Person(PersonId.of("p0"), 2),
                "Benchmark ego map", egoGraph(people, new Random(7)));
        DependencyMap org = builder.teams(TENANT, new MapScope.Org(), "Benchmark org map", orgMap(teams, new Random(11)));
        OUT.printf(Locale.ROOT, "ego map: %d people, %d handoffs, %d teams%n", ego.nodes().size(),
                ego.edges().size(), ego.groups().size());
        OUT.printf(Locale.ROOT, "org map: %d teams, %d team links%n", org.nodes().size(), org.edges().size());

        resetPeaks();
        Verdicts verdicts = new Verdicts();
        Comparison egoRun = compare("ego map (" + people + " people)", ego, renderer, exporter, dot, 3,
                Integer.getInteger("egoRuns", 11));
        OUT.printf(Locale.ROOT, "  of which ELK layout: median %.0f ms%n", median(() -> {
            renderer.layout(ego);
            return new byte[0];
        }, 3, 9));
        Comparison orgRun = compare("org map (" + teams + " teams)", org, renderer, exporter, dot, 1,
                Integer.getInteger("orgRuns", 5));
        OUT.printf(Locale.ROOT, "  of which ELK layout: median %.0f ms%n", median(() -> {
            renderer.layout(org);
            return new byte[0];
        }, 1, 3));
        OUT.printf(Locale.ROOT, "peak heap: %.0f MB (max heap %.0f MB)%n", peakHeapBytes() / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);

        egoRun.judge(verdicts, "ego PNG", EGO_TARGET_MS);
        orgRun.judge(verdicts, "org PNG", ORG_TARGET_MS);
        verdicts.print(OUT);
        OUT.println(LoadAverage.line());
    }

    /**
     * Handoff and dot on one map, alternating which goes first; medians, sizes and the load while it ran. A dot that
     * does not finish its warm-up run within the time limit is not run again: its time is reported as more than the
     * limit.
     */
    private static Comparison compare(String name, DependencyMap map, MapRenderer renderer, MapExporter exporter,
                                      Graphviz dot, int warmups, int runs) throws Exception {
        byte[] dotSource = exporter.export(TENANT.value(), map, MapFormat.DOT).content();
        byte[] handoffPng = null;
        for (int i = 0; i < warmups; i++) {
            handoffPng = renderer.png(map);
        }
        // One warm-up of dot too (the binary and its libraries in the page cache), which also finds a dot too slow.
        byte[] dotPng = dot == null ? null : dot.png(dotSource);
        boolean dotRuns = dotPng != null;
        double loadBefore = LoadAverage.now();
        double[] handoffMs = new double[runs];
        double[] dotMs = new double[dotRuns ? runs : 0];
        for (int i = 0; i < runs; i++) {
            boolean handoffFirst = i % 2 == 0;
            if (dotRuns && !handoffFirst) {
                dotMs[i] = timed(dot, dotSource);
            }
            long t = System.nanoTime();
            handoffPng = renderer.png(map);
            handoffMs[i] = (System.nanoTime() - t) / 1e6;
            if (dotRuns && handoffFirst) {
                dotMs[i] = timed(dot, dotSource);
            }
        }
        double load = Math.max(loadBefore, LoadAverage.now());
        Outcome outcome = dot == null ? Outcome.NO_DOT : dotRuns ? Outcome.DRAWN : Outcome.TIMED_OUT;
        double dotMedian = dotRuns ? median(dotMs) : dot == null ? Double.NaN : dot.timeout().toMillis();
        Comparison result = new Comparison(name, outcome, median(handoffMs), handoffPng.length, dotMedian,
                dotRuns ? dotPng.length : 0, dotSource.length, runs, load);
        result.print();
        return result;
    }

    private static double timed(Graphviz dot, byte[] dotSource) throws Exception {
        long t = System.nanoTime();
        if (dot.png(dotSource) == null) {
            return dot.timeout().toMillis(); // slower than the warm-up this time: counted at the limit
        }
        return (System.nanoTime() - t) / 1e6;
    }

    /** How the dot side went: not installed, drawn, or killed at the time limit. */
    private enum Outcome { NO_DOT, DRAWN, TIMED_OUT }

    /** One map's figures: medians in milliseconds (dot's is its time limit when it timed out), PNG bytes, load. */
    private record Comparison(String name, Outcome outcome, double handoffMs, int handoffBytes, double dotMs,
                              int dotBytes, int dotSourceBytes, int runs, double load) {
        double ratio() {
            return handoffMs / dotMs;
        }

        void print() {
            OUT.printf(Locale.ROOT, "%n%s, median of %d alternating runs (load %.1f):%n", name, runs, load);
            OUT.printf(Locale.ROOT, "  Handoff PNG: %.0f ms, %,d bytes%n", handoffMs, handoffBytes);
            switch (outcome) {
                case DRAWN -> {
                    OUT.printf(Locale.ROOT, "  dot -Tpng:   %.0f ms, %,d bytes (from %,d bytes of DOT)%n", dotMs,
                            dotBytes, dotSourceBytes);
                    OUT.printf(Locale.ROOT, "  Handoff / dot: %.2fx time, %.2fx bytes%n", ratio(),
                            handoffBytes / (double) dotBytes);
                }
                case TIMED_OUT -> {
                    OUT.printf(Locale.ROOT, "  dot -Tpng:   not done after %.0f ms (killed; from %,d bytes of DOT; "
                            + "-DdotTimeoutSeconds= to wait longer)%n", dotMs, dotSourceBytes);
                    OUT.printf(Locale.ROOT, "  Handoff / dot: < %.3fx time%n", ratio());
                }
                case NO_DOT -> OUT.println("  dot -Tpng:   skipped (Graphviz dot is not installed)");
            }
        }

        void judge(Verdicts verdicts, String what, double targetMs) {
            String target = what + ": Handoff <= 1.0 x dot -Tpng";
            switch (outcome) {
                case DRAWN -> verdicts.judge(target, ratio() <= DOT_RATIO_TARGET, String.format(Locale.ROOT,
                        "%.0f ms vs %.0f ms = %.2fx (load %.1f)", handoffMs, dotMs, ratio(), load));
                case TIMED_OUT -> verdicts.judge(target, ratio() <= DOT_RATIO_TARGET, String.format(Locale.ROOT,
                        "%.0f ms vs dot not done after %.0f ms = < %.3fx (load %.1f)", handoffMs, dotMs, ratio(), load));
                case NO_DOT -> verdicts.judge(target, false, "not measured: dot is not installed");
            }
            verdicts.judge(String.format(Locale.ROOT, "%s < %.0f ms", what, targetMs), handoffMs < targetMs,
                    String.format(Locale.ROOT, "%.0f ms (load %.1f)", handoffMs, load));
        }
    }

    /**
     * The {@code dot} program: one process per picture, DOT on its standard input, PNG read from its output; a run
     * longer than {@code timeout} is killed and answers null.
     */
    private record Graphviz(String command, String version, Duration timeout) {
        static Graphviz find(String command, Duration timeout) {
            try {
                Process process = new ProcessBuilder(command, "-V").redirectErrorStream(true).start();
                String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                return process.waitFor() == 0 ? new Graphviz(command, version, timeout) : null;
            } catch (IOException | InterruptedException notThere) {
                return null;
            }
        }

        byte[] png(byte[] dotSource) throws Exception {
            Path errors = Files.createTempFile("handoff-bench-dot", ".txt");
            try {
                return png(dotSource, errors);
            } finally {
                Files.deleteIfExists(errors);
            }
        }

        private byte[] png(byte[] dotSource, Path errors) throws Exception {
            Process process = new ProcessBuilder(command, "-Tpng").redirectError(errors.toFile()).start();
            // dot reads the whole graph before it writes a byte, so writing first cannot fill the output pipe.
            try (OutputStream in = process.getOutputStream()) {
                in.write(dotSource);
            }
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> {
                try (InputStream stream = process.getInputStream()) {
                    return stream.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            byte[] png;
            try {
                png = output.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException tooLong) {
                process.destroyForcibly().waitFor();
                return null;
            }
            int exit = process.waitFor();
            if (exit != 0 || png.length == 0) {
                Path source = Files.write(Files.createTempFile("handoff-bench-map", ".dot"), dotSource);
                throw new IllegalStateException("dot -Tpng failed with exit code " + exit + " on " + source + ": "
                        + Files.readString(errors, StandardCharsets.UTF_8).strip());
            }
            return png;
        }
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
        return median(ms);
    }

    private static double median(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
