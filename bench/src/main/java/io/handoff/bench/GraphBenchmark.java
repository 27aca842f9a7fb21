package io.handoff.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.handoff.graph.EdgeCodec;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.Neighbourhood;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Side;
import io.handoff.graph.Team;
import io.handoff.graph.TeamLink;
import io.handoff.graph.TeamMap;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;

/**
 * Builds a synthetic organisation (50,000 people, 500 teams, 250,000 handoffs by default) in a fresh tenant through
 * the real {@link RedisGraphStore}, then measures what the speed targets are about and prints PASS or FAIL for each:
 * ego map depth 2 p50 within 4x the PING p50, whole-org team map p99 under 50 ms, at most 300 bytes of Redis memory
 * per edge. Run with {@code ./mvnw -Pbench compile exec:java}; sizes with {@code -Dpeople= -Dteams= -Dedges=}.
 * Exits 0 whatever the verdicts: it measures, the reader judges.
 */
public final class GraphBenchmark {
    private static final double EGO_TARGET_PINGS = 4.0;
    private static final long TEAM_MAP_TARGET_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final double BYTES_PER_EDGE_TARGET = 300;
    private static final int BASELINE_PIPELINE = 2 * GraphStore.IMPORT_BATCH;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final BenchSettings settings;
    private final BenchRedis redis;
    private final UnifiedJedis client;
    private final RoundTripCounter counter;
    private final GraphStore store;
    private final TenantId tenant;
    private final PrintStream out = System.out;
    private final Verdicts verdicts = new Verdicts();
    private double bytesPerEdge;

    private GraphBenchmark(BenchSettings settings, BenchRedis redis) {
        this.settings = settings;
        this.redis = redis;
        this.client = redis.client();
        this.counter = redis.counter();
        this.store = new RedisGraphStore(client);
        this.tenant = TenantId.of("bench-" + Long.toString(System.currentTimeMillis(), 36));
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        try (BenchRedis redis = BenchRedis.open()) {
            new GraphBenchmark(settings, redis).run();
        }
    }

    private void run() throws Exception {
        out.printf("Handoff graph benchmark: %,d people, %,d teams, %,d handoffs, seed %d%n", settings.people(),
                settings.teams(), settings.edges(), settings.seed());
        out.printf("Redis: %s, version %s; tenant %s%n", redis.origin(), redis.info("server", "redis_version"), tenant);
        out.printf("Server hash encoding limits: %s; JVM %s, %d CPUs%n", listpackLimits(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        out.println(load());

        long started = System.nanoTime();
        SyntheticOrg org = SyntheticOrg.generate(settings.people(), settings.teams(), settings.edges(), settings.seed());
        out.printf("%nGenerated in %s: %,d people in %,d teams (largest %,d, median %,d), %,d handoffs, %.0f%% inside a "
                        + "team%n", Samples.micros(System.nanoTime() - started), org.people().size(), org.teams().size(),
                teamSize(org, 100), teamSize(org, 50), org.edges().size(), 100 * org.insideTeamShare());
        long heapWithOrg = heapAfterGc();

        Samples ping = ping();
        double edgesPerSecond = importOrg(org);
        baseline(org, edgesPerSecond);
        Samples[] ego = new Samples[Neighbourhood.MAX_DEPTH + 1];
        for (int depth = 1; depth <= Neighbourhood.MAX_DEPTH; depth++) {
            ego[depth] = egoMaps(depth);
        }
        Samples teamMap = teamMaps(org.edges().size());
        claimPath(org.extraEdges());

        org = null;
        long heapAfter = heapAfterGc();
        out.printf("%nJVM heap used after GC: %,.1f MB holding the generated org, %,.1f MB after dropping it "
                + "(store, client, measurements)%n", heapWithOrg / 1e6, heapAfter / 1e6);

        long pingP50 = ping.percentile(50);
        long egoP50 = ego[2].percentile(50);
        verdicts.judge("ego map depth 2 p50 <= 4 x PING p50", egoP50 <= EGO_TARGET_PINGS * pingP50,
                String.format("%s vs 4 x %s = %s (%.1f x PING)", Samples.micros(egoP50), Samples.micros(pingP50),
                        Samples.micros((long) (EGO_TARGET_PINGS * pingP50)), egoP50 / (double) pingP50));
        verdicts.judge("whole-org team map p99 < 50 ms", teamMap.percentile(99) < TEAM_MAP_TARGET_NANOS,
                Samples.micros(teamMap.percentile(99)));
        verdicts.judge("Redis memory <= 300 bytes per edge (whole org)", bytesPerEdge <= BYTES_PER_EDGE_TARGET,
                String.format("%.0f bytes per edge", bytesPerEdge));
        verdicts.print(out);
        out.println(load());
        out.printf("%nTotal run time %s%n", Samples.micros(System.nanoTime() - started));
        cleanUp();
    }

    // ---- PING ----

    private Samples ping() {
        for (int i = 0; i < 2_000; i++) {
            client.ping();
        }
        Samples samples = new Samples();
        long trips = counter.roundTrips();
        for (int i = 0; i < settings.pingSamples(); i++) {
            long t = System.nanoTime();
            client.ping();
            samples.add(System.nanoTime() - t);
        }
        out.printf("%nPING round trip (%,d samples, %,d round trips counted): p50 %s, p99 %s%n", samples.size(),
                counter.roundTrips() - trips, Samples.micros(samples.percentile(50)),
                Samples.micros(samples.percentile(99)));
        return samples;
    }

    // ---- import ----

    private double importOrg(SyntheticOrg org) {
        long before = redis.usedMemory();
        long t = System.nanoTime();
        for (Team team : org.teams()) {
            store.saveTeam(tenant, team);
        }
        long trips = counter.roundTrips();
        for (Person person : org.people()) {
            store.savePerson(tenant, person);
        }
        long peopleNanos = System.nanoTime() - t;
        long peopleTrips = counter.roundTrips() - trips;
        long afterPeople = redis.usedMemory();
        out.printf("%nImport of teams and people (savePerson, one at a time): %s, %,.0f people/s, %.1f round trips "
                        + "per person%n", Samples.micros(peopleNanos), org.people().size() / (peopleNanos / 1e9),
                peopleTrips / (double) org.people().size());

        trips = counter.roundTrips();
        t = System.nanoTime();
        int written = store.importHandoffs(tenant, org.edges());
        long edgeNanos = System.nanoTime() - t;
        long edgeTrips = counter.roundTrips() - trips;
        long afterEdges = redis.usedMemory();
        double edgesPerSecond = written / (edgeNanos / 1e9);
        out.printf("Import of handoffs (importHandoffs, batches of %d in one Lua script each): %,d written in %s, "
                        + "%,.0f edges/s, %,d round trips%n", GraphStore.IMPORT_BATCH, written,
                Samples.micros(edgeNanos), edgesPerSecond, edgeTrips);

        bytesPerEdge = (afterEdges - before) / (double) written;
        out.printf("Redis used_memory: +%,.1f MB for people and teams, +%,.1f MB for handoffs -> %.0f bytes per edge "
                        + "for the whole org (%.0f for the handoffs alone, %.0f per person)%n",
                (afterPeople - before) / 1e6, (afterEdges - afterPeople) / 1e6, bytesPerEdge,
                (afterEdges - afterPeople) / (double) written, (afterPeople - before) / (double) org.people().size());
        out.println("Adjacency strings (1,000 people): " + adjacencySizes(org));
        checkCounters(org.edges().size());
        return edgesPerSecond;
    }

    /** Length and Redis memory of 1,000 random people's adjacency strings (what an ego map reads per person). */
    private String adjacencySizes(SyntheticOrg org) {
        Samples lengths = new Samples();
        Samples memory = new Samples();
        Random random = new Random(settings.seed());
        for (int i = 0; i < 1_000; i++) {
            String id = org.people().get(random.nextInt(org.people().size())).id().value();
            String key = TenantKeys.key(tenant, "adj:" + id);
            lengths.add(client.strlen(key));
            Long used = client.memoryUsage(key);
            memory.add(used == null ? 0 : used);
        }
        return String.format("length p50 %,d, p99 %,d, max %,d bytes; Redis memory p50 %,d bytes", lengths.percentile(50),
                lengths.percentile(99), lengths.max(), memory.percentile(50));
    }

    private void checkCounters(int edges) {
        TeamMap map = store.teamMap(tenant);
        long counted = map.links().stream().mapToLong(TeamLink::edges).sum();
        out.printf("Check: the team counters add up to %,d handoffs (%s)%n", counted,
                counted == edges ? "right" : "WRONG, expected " + edges);
    }

    // ---- pipelined HSET baseline ----

    private void baseline(SyntheticOrg org, double importEdgesPerSecond) throws Exception {
        String prefix = "handoff-bench-baseline:{" + tenant.value() + "}:";
        long t = System.nanoTime();
        long trips = counter.roundTrips();
        int commands = 0;
        AbstractPipeline pipeline = client.pipelined();
        for (Handoff edge : org.edges()) {
            String encoded = EdgeCodec.encode(edge);
            pipeline.hset(prefix + "out:" + edge.upstream().value(), edge.downstream().value(), encoded);
            pipeline.hset(prefix + "in:" + edge.downstream().value(), edge.upstream().value(), encoded);
            commands += 2;
            if (commands % BASELINE_PIPELINE == 0) {
                pipeline.sync();
            }
        }
        pipeline.close();
        long nanos = System.nanoTime() - t;
        double hsetsPerSecond = commands / (nanos / 1e9);
        out.printf("%nBaseline, pipelined HSET of the same %,d mirror fields (%d per pipeline, one connection): "
                        + "%,.0f HSET/s = %,.0f edges/s, %,d round trips%n", commands, BASELINE_PIPELINE,
                hsetsPerSecond, hsetsPerSecond / 2, counter.roundTrips() - trips);
        out.printf("Import rate / baseline: %.2f (the import also checks both people, reads the old edge and keeps "
                + "the team counters)%n", importEdgesPerSecond / (hsetsPerSecond / 2));
        redis.unlinkMatching(prefix + "*");
        if (redis.ours()) {
            out.println("redis-benchmark -t hset -P 16 (50 clients): " + redisBenchmark());
        }
    }

    private String redisBenchmark() {
        try {
            Process process = new ProcessBuilder("redis-benchmark", "-p", Integer.toString(redis.port()), "-t", "hset",
                    "-n", "500000", "-P", "16", "-q").redirectErrorStream(true).start();
            String result;
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                result = reader.lines().map(line -> line.substring(line.lastIndexOf('\r') + 1).trim())
                        .filter(line -> line.contains("requests per second")).findFirst().orElse("no HSET line in its output");
            }
            process.waitFor(60, TimeUnit.SECONDS);
            client.del("myhash");
            return result;
        } catch (Exception e) {
            return "not run (" + e.getMessage() + ")";
        }
    }

    // ---- reads ----

    private Samples egoMaps(int depth) {
        Random random = new Random(settings.seed() + depth);
        for (int i = 0; i < settings.samplesFor(depth) / 4; i++) {
            store.neighbourhood(tenant, randomPerson(random), depth);
        }
        Samples latency = new Samples();
        Samples trips = new Samples();
        Samples people = new Samples();
        Samples bytes = new Samples();
        Samples cpu = new Samples();
        int disagreements = 0;
        long serverMicros = redis.commandMicros();
        long serverCalls = redis.commandCalls();
        for (int i = 0; i < settings.samplesFor(depth); i++) {
            PersonId centre = randomPerson(random);
            long tripsBefore = counter.roundTrips();
            long bytesBefore = counter.bytesReceived();
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            Neighbourhood map = store.neighbourhood(tenant, centre, depth);
            latency.add(System.nanoTime() - t);
            cpu.add(THREADS.getCurrentThreadCpuTime() - cpuBefore);
            long counted = counter.roundTrips() - tripsBefore;
            trips.add(counted);
            bytes.add(counter.bytesReceived() - bytesBefore);
            people.add(map.graph().people().size());
            if (counted != map.roundTrips()) {
                disagreements++;
            }
        }
        // Both INFO calls are counted too: one each, negligible next to the thousands of commands measured.
        double serverMean = (redis.commandMicros() - serverMicros) / (double) latency.size();
        double commandsMean = (redis.commandCalls() - serverCalls - 2) / (double) latency.size();
        out.printf("%sEgo map depth %d (%,d random centres): p50 %s, p99 %s; round trips counted p50 %d, max %d "
                        + "(store's own count disagrees %d times); people p50 %,d, max %,d; reply bytes p50 %,d; "
                        + "mean %.0f commands taking %.0f µs of server time; client CPU p50 %s%n",
                depth == 1 ? "\n" : "", depth, latency.size(), Samples.micros(latency.percentile(50)),
                Samples.micros(latency.percentile(99)), trips.percentile(50), trips.max(), disagreements,
                people.percentile(50), people.max(), bytes.percentile(50), commandsMean, serverMean,
                Samples.micros(cpu.percentile(50)));
        return latency;
    }

    private PersonId randomPerson(Random random) {
        return PersonId.of("u" + random.nextInt(settings.people()));
    }

    private Samples teamMaps(int edges) {
        for (int i = 0; i < settings.teamMapSamples(); i++) {
            store.teamMap(tenant);
        }
        Samples latency = new Samples();
        Samples trips = new Samples();
        Samples cpu = new Samples();
        TeamMap map = null;
        long bytesBefore = counter.bytesReceived();
        for (int i = 0; i < settings.teamMapSamples(); i++) {
            long tripsBefore = counter.roundTrips();
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            map = store.teamMap(tenant);
            latency.add(System.nanoTime() - t);
            cpu.add(THREADS.getCurrentThreadCpuTime() - cpuBefore);
            trips.add(counter.roundTrips() - tripsBefore);
        }
        out.printf("%nWhole-org team map (%,d reads): p50 %s, p99 %s; round trips counted p50 %d, max %d; %,d teams, "
                        + "%,d team links, %,d reply bytes each; client CPU p50 %s%n", latency.size(),
                Samples.micros(latency.percentile(50)), Samples.micros(latency.percentile(99)), trips.percentile(50),
                trips.max(), map.teams().size(), map.links().size(),
                (counter.bytesReceived() - bytesBefore) / latency.size(), Samples.micros(cpu.percentile(50)));
        return latency;
    }

    // ---- writes one at a time ----

    private void claimPath(List<Handoff> extra) {
        if (extra.isEmpty()) {
            return;
        }
        long trips = counter.roundTrips();
        long t = System.nanoTime();
        for (Handoff edge : extra) {
            store.claim(tenant, edge.upstream(), edge.downstream(), edge.terms(), Side.UPSTREAM, SyntheticOrg.NOW);
        }
        long nanos = System.nanoTime() - t;
        out.printf("%nOne-at-a-time claim (%,d new handoffs, the chat path): %,.0f edges/s, %.1f round trips each, "
                        + "mean %s per claim%n", extra.size(), extra.size() / (nanos / 1e9),
                (counter.roundTrips() - trips) / (double) extra.size(), Samples.micros(nanos / extra.size()));
    }

    // ---- helpers ----

    private String listpackLimits() {
        try {
            List<String> values = new ArrayList<>();
            for (String name : List.of("hash-max-listpack-entries", "hash-max-listpack-value")) {
                values.add(name + " " + client.configGet(name).get(name));
            }
            return String.join(", ", values);
        } catch (RuntimeException refused) {
            return "not readable (" + refused.getMessage() + ")";
        }
    }

    /** Latencies mean little on a machine busy with other work, so the report says how busy it was. */
    private static String load() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cpus = Runtime.getRuntime().availableProcessors();
        return load < 0 ? "System load average: not available"
                : String.format("System load average (1 min): %.1f on %d CPUs%s", load, cpus,
                        load > cpus ? " -- busy machine, latencies are inflated" : "");
    }

    private static int teamSize(SyntheticOrg org, double percentile) {
        Map<String, Integer> sizes = new HashMap<>();
        org.people().forEach(p -> sizes.merge(p.team().value(), 1, Integer::sum));
        Samples samples = new Samples();
        sizes.values().forEach(samples::add);
        return (int) samples.percentile(percentile);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private void cleanUp() {
        if (!redis.ours() && !settings.keepData()) {
            long removed = redis.unlinkMatching(TenantKeys.key(tenant, "*"));
            out.printf("Removed the benchmark tenant's %,d keys from REDIS_URL (keep them with -Dkeep=true)%n", removed);
        }
    }
}
