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
 * ego map depth 2 p50 within 1.5x the p50 of the bare reads the same maps need (the same MGETs, ring by ring, for the
 * same centres, in the same run; the ratio to PING is printed as information), whole-org team map p99 under 50 ms, at
 * most 300 bytes of Redis memory per edge. The system load average is printed at the start, the end and beside the
 * latencies. Run with {@code ./mvnw -Pbench compile exec:java}; sizes with {@code -Dpeople= -Dteams= -Dedges=}.
 * Exits 0 whatever the verdicts: it measures, the reader judges.
 */
public final class GraphBenchmark {
    private static final double EGO_TARGET_BARE = 1.5;
    private static final long TEAM_MAP_TARGET_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final double BYTES_PER_EDGE_TARGET = 300;
    private static final double IMPORT_TARGET_BASELINE = 0.5;
    private static final long CONFIRM_TARGET_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long BUSY_MAP_TARGET_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
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
        out.println(LoadAverage.line());

        long started = System.nanoTime();
        SyntheticOrg org = SyntheticOrg.generate(settings.people(), settings.teams(), settings.edges(), settings.seed(),
                settings.busyPeople());
        out.printf("%nGenerated in %s: %,d people in %,d teams (largest %,d, median %,d), %,d handoffs, %.0f%% inside a "
                        + "team%n", Samples.micros(System.nanoTime() - started), org.people().size(), org.teams().size(),
                teamSize(org, 100), teamSize(org, 50), org.edges().size(), 100 * org.insideTeamShare());
        long heapWithOrg = heapAfterGc();

        Samples ping = ping();
        double edgesPerSecond = importOrg(org);
        double importRatio = baseline(org, edgesPerSecond);
        EgoRings rings = EgoRings.of(tenant, org.people(), org.edges()).learnParts(client);
        EgoRun[] ego = new EgoRun[Neighbourhood.MAX_DEPTH + 1];
        for (int depth = 1; depth <= Neighbourhood.MAX_DEPTH; depth++) {
            ego[depth] = egoMaps(depth, rings, ping.percentile(50));
        }
        rings = null;
        BusyRun busy = busyPeople(org);
        Samples teamMap = teamMaps(org.edges().size());
        String teamMapLoad = LoadAverage.brief();
        claimPath(org.extraEdges());

        org = null;
        long heapAfter = heapAfterGc();
        out.printf("%nJVM heap used after GC: %,.1f MB holding the generated org, %,.1f MB after dropping it "
                + "(store, client, measurements)%n", heapWithOrg / 1e6, heapAfter / 1e6);

        long pingP50 = ping.percentile(50);
        long egoP50 = ego[2].map().percentile(50);
        long bareP50 = ego[2].bare().percentile(50);
        verdicts.judge("ego map depth 2 p50 <= 1.5 x bare reads p50", egoP50 <= EGO_TARGET_BARE * bareP50,
                String.format("%s vs 1.5 x %s = %s (%.2fx the bare reads; %.1fx PING, information; %s)",
                        Samples.micros(egoP50), Samples.micros(bareP50), Samples.micros((long) (EGO_TARGET_BARE * bareP50)),
                        egoP50 / (double) bareP50, egoP50 / (double) pingP50, ego[2].load()));
        verdicts.judge("whole-org team map p99 < 50 ms", teamMap.percentile(99) < TEAM_MAP_TARGET_NANOS,
                Samples.micros(teamMap.percentile(99)) + " (" + teamMapLoad + ")");
        verdicts.judge("Redis memory <= 300 bytes per edge (whole org)", bytesPerEdge <= BYTES_PER_EDGE_TARGET,
                String.format("%.0f bytes per edge", bytesPerEdge));
        verdicts.judge("import rate >= 0.5 x pipelined HSET baseline", importRatio >= IMPORT_TARGET_BASELINE,
                String.format("%.2f x the baseline", importRatio));
        if (busy != null) {
            verdicts.judge("busy people: confirming a handoff p99 < 1 ms", busy.confirm().percentile(99) < CONFIRM_TARGET_NANOS,
                    String.format("p50 %s, p99 %s over %s (%s)", Samples.micros(busy.confirm().percentile(50)),
                            Samples.micros(busy.confirm().percentile(99)), busy.who(), busy.load()));
            verdicts.judge("busy people: ego map depth 1 p99 < 5 ms", busy.map().percentile(99) < BUSY_MAP_TARGET_NANOS,
                    String.format("p50 %s, p99 %s (%s)", Samples.micros(busy.map().percentile(50)),
                            Samples.micros(busy.map().percentile(99)), busy.load()));
        }
        verdicts.print(out);
        out.println(LoadAverage.line());
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
        out.printf("%nPING round trip (%,d samples, %,d round trips counted, %s): p50 %s, p99 %s%n", samples.size(),
                counter.roundTrips() - trips, LoadAverage.brief(), Samples.micros(samples.percentile(50)),
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
        long serverBefore = redis.commandMicros();
        long serverCpuBefore = redis.cpuMicros();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        t = System.nanoTime();
        int written = store.importHandoffs(tenant, org.edges());
        long edgeNanos = System.nanoTime() - t;
        long edgeCpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        long edgeServer = redis.commandMicros() - serverBefore;
        long edgeServerCpu = redis.cpuMicros() - serverCpuBefore;
        long edgeTrips = counter.roundTrips() - trips;
        long afterEdges = redis.usedMemory();
        double edgesPerSecond = written / (edgeNanos / 1e9);
        out.printf("Import of handoffs (importHandoffs, batches of %d in one Lua script each): %,d written in %s, "
                        + "%,.0f edges/s, %,d round trips (%s)%n", GraphStore.IMPORT_BATCH, written,
                Samples.micros(edgeNanos), edgesPerSecond, edgeTrips, LoadAverage.brief());
        out.printf("  server time (INFO commandstats) %s, server CPU (INFO cpu) %s, client CPU %s: %.1f, %.1f and %.1f "
                        + "µs per edge%n", Samples.micros(edgeServer * 1_000), Samples.micros(edgeServerCpu * 1_000),
                Samples.micros(edgeCpu), edgeServer / (double) written, edgeServerCpu / (double) written,
                edgeCpu / 1e3 / written);

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

    private double baseline(SyntheticOrg org, double importEdgesPerSecond) throws Exception {
        String prefix = "handoff-bench-baseline:{" + tenant.value() + "}:";
        long serverCpuBefore = redis.cpuMicros();
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
        long serverCpu = redis.cpuMicros() - serverCpuBefore;
        double hsetsPerSecond = commands / (nanos / 1e9);
        out.printf("%nBaseline, pipelined HSET of the same %,d mirror fields (%d per pipeline, one connection): "
                        + "%,.0f HSET/s = %,.0f edges/s, %,d round trips (%s)%n", commands, BASELINE_PIPELINE,
                hsetsPerSecond, hsetsPerSecond / 2, counter.roundTrips() - trips, LoadAverage.brief());
        out.printf("  server CPU (INFO cpu) %.1f µs per edge%n", serverCpu / (commands / 2.0));
        double ratio = importEdgesPerSecond / (hsetsPerSecond / 2);
        out.printf("Import rate / baseline: %.2f (the import also checks both people, reads the old edge and keeps "
                + "the team counters)%n", ratio);
        redis.unlinkMatching(prefix + "*");
        if (redis.ours()) {
            out.println("redis-benchmark -t hset -P 16 (50 clients): " + redisBenchmark());
        }
        return ratio;
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

    /** One depth's ego maps and the bare reads behind them, for the same centres. */
    private record EgoRun(Samples map, Samples bare, String load) {
    }

    /**
     * Ego maps around random centres, each beside the bare reads the same map needs (the same MGETs of the same keys
     * on the same client, replies not decoded), alternating which goes first so drift hits both alike. The keys are
     * worked out before the clock starts ({@link EgoRings}), so the bare side times only the MGETs.
     */
    private EgoRun egoMaps(int depth, EgoRings rings, long pingP50) {
        Random random = new Random(settings.seed() + depth);
        for (int i = 0; i < settings.samplesFor(depth) / 4; i++) {
            PersonId centre = randomPerson(random);
            store.neighbourhood(tenant, centre, depth);
            bareReads(rings.reads(centre, depth));
        }
        Samples latency = new Samples();
        Samples bare = new Samples();
        Samples trips = new Samples();
        Samples bareTrips = new Samples();
        Samples people = new Samples();
        Samples bytes = new Samples();
        Samples bareBytes = new Samples();
        Samples cpu = new Samples();
        Samples bareCpu = new Samples();
        int disagreements = 0;
        int ringsDisagree = 0;
        long serverMicros = redis.commandMicros();
        long serverCalls = redis.commandCalls();
        for (int i = 0; i < settings.samplesFor(depth); i++) {
            PersonId centre = randomPerson(random);
            List<String[]> reads = rings.reads(centre, depth);
            boolean bareFirst = i % 2 == 0;
            if (bareFirst) {
                timeBareReads(reads, bare, bareTrips, bareBytes, bareCpu);
            }
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
            if (!bareFirst) {
                timeBareReads(reads, bare, bareTrips, bareBytes, bareCpu);
            }
            if (counted != map.roundTrips()) {
                disagreements++;
            }
            if (reads.size() != map.roundTrips() || rings.people(centre, depth) != map.graph().people().size()) {
                ringsDisagree++;
            }
        }
        // Both INFO calls are counted too: one each, negligible next to the thousands of commands measured. Both
        // sides send the same MGETs, so each takes about half of the server's time.
        double serverMean = (redis.commandMicros() - serverMicros) / (2.0 * latency.size());
        double commandsMean = (redis.commandCalls() - serverCalls - 2) / (2.0 * latency.size());
        long mapP50 = latency.percentile(50);
        long bareP50 = bare.percentile(50);
        out.printf("%sEgo map depth %d (%,d random centres, %s): p50 %s, p99 %s; round trips counted p50 %d, max %d "
                        + "(store's own count disagrees %d times); people p50 %,d, max %,d; reply bytes p50 %,d; "
                        + "mean %.1f commands taking %.0f µs of server time; client CPU p50 %s%n",
                depth == 1 ? "\n" : "", depth, latency.size(), LoadAverage.brief(), Samples.micros(mapP50),
                Samples.micros(latency.percentile(99)), trips.percentile(50), trips.max(), disagreements,
                people.percentile(50), people.max(), bytes.percentile(50), commandsMean, serverMean,
                Samples.micros(cpu.percentile(50)));
        out.printf("  bare reads, the same MGETs undecoded: p50 %s, p99 %s; round trips p50 %d, max %d; reply bytes "
                        + "p50 %,d; rings worked out from the generated org disagree with the store's map %d times; "
                        + "client CPU p50 %s%n",
                Samples.micros(bareP50), Samples.micros(bare.percentile(99)), bareTrips.percentile(50), bareTrips.max(),
                bareBytes.percentile(50), ringsDisagree, Samples.micros(bareCpu.percentile(50)));
        out.printf("  ego map / bare reads: p50 %.2fx, p99 %.2fx; ego map p50 / PING p50: %.1fx (information)%n",
                mapP50 / (double) bareP50, latency.percentile(99) / (double) bare.percentile(99),
                mapP50 / (double) pingP50);
        return new EgoRun(latency, bare, LoadAverage.brief());
    }

    private void timeBareReads(List<String[]> reads, Samples latency, Samples trips, Samples bytes, Samples cpu) {
        long tripsBefore = counter.roundTrips();
        long bytesBefore = counter.bytesReceived();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        bareReads(reads);
        latency.add(System.nanoTime() - t);
        cpu.add(THREADS.getCurrentThreadCpuTime() - cpuBefore);
        trips.add(counter.roundTrips() - tripsBefore);
        bytes.add(counter.bytesReceived() - bytesBefore);
    }

    /** One MGET per ring, on the store's own client; nothing is decoded beyond the bytes to strings Jedis does. */
    private int bareReads(List<String[]> reads) {
        int values = 0;
        for (String[] keys : reads) {
            values += client.mget(keys).size();
        }
        return values;
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
        out.printf("%nWhole-org team map (%,d reads, %s): p50 %s, p99 %s; round trips counted p50 %d, max %d; %,d "
                        + "teams, %,d team links, %,d reply bytes each; client CPU p50 %s%n", latency.size(),
                LoadAverage.brief(),
                Samples.micros(latency.percentile(50)), Samples.micros(latency.percentile(99)), trips.percentile(50),
                trips.max(), map.teams().size(), map.links().size(),
                (counter.bytesReceived() - bytesBefore) / latency.size(), Samples.micros(cpu.percentile(50)));
        return latency;
    }

    // ---- busy people ----

    /** The busy people's confirmations and depth-1 maps, all of them together. */
    private record BusyRun(Samples confirm, Samples map, String who, String load) {
    }

    /**
     * For each busy person: confirming one of their handoffs (a random one, alternately by them and by the other
     * side, each time later so the edge really changes) and their depth-1 ego map, alternating, after warm-up.
     */
    private BusyRun busyPeople(SyntheticOrg org) {
        if (org.busy().isEmpty()) {
            return null;
        }
        Map<PersonId, List<Handoff>> theirs = new HashMap<>();
        for (Handoff edge : org.edges()) {
            for (PersonId end : List.of(edge.upstream(), edge.downstream())) {
                if (org.busy().contains(end) && edge.status() != io.handoff.graph.EdgeStatus.DISPUTED) {
                    theirs.computeIfAbsent(end, e -> new ArrayList<>()).add(edge);
                }
            }
        }
        Samples allConfirm = new Samples();
        Samples allMaps = new Samples();
        List<String> who = new ArrayList<>();
        Random random = new Random(settings.seed() + 7);
        long clock = 0;
        // Every busy person's confirms, maps and bare floor run once before any is measured, so the JIT's compiling
        // of these paths (which competes for the two cores) does not fall into the first person's samples.
        for (PersonId person : org.busy()) {
            List<Handoff> edges = theirs.get(person);
            for (int i = 0; i < settings.busySamples() / 4; i++) {
                Handoff edge = edges.get(random.nextInt(edges.size()));
                store.confirm(tenant, edge.upstream(), edge.downstream(), i % 2 == 0 ? Side.UPSTREAM : Side.DOWNSTREAM,
                        SyntheticOrg.NOW.plusSeconds(++clock));
                String partKey = linesKey(person, person.equals(edge.upstream()) ? edge.downstream() : edge.upstream());
                client.set(partKey, client.get(partKey));
                client.ping();
                store.neighbourhood(tenant, person, 1);
            }
        }
        out.println();
        for (PersonId person : org.busy()) {
            List<Handoff> edges = theirs.get(person);
            Samples confirm = new Samples();
            Samples confirmCpu = new Samples();
            Samples bare = new Samples();
            Samples pings = new Samples();
            Samples map = new Samples();
            Samples cpu = new Samples();
            int shown = 0;
            long trips = 0;
            int samples = settings.busySamples();
            long serverBefore = 0;
            long gcBefore = 0;
            java.util.Map<String, long[]> statsBefore = java.util.Map.of();
            for (int i = -samples / 4; i < samples; i++) {
                if (i == 0) {
                    if (redis.ours()) {
                        SlowLog.start(client, false);
                    }
                    serverBefore = redis.commandMicros();
                    statsBefore = redis.commandStats();
                    gcBefore = gcMillis();
                }
                Handoff edge = edges.get(random.nextInt(edges.size()));
                Side by = i % 2 == 0 ? Side.UPSTREAM : Side.DOWNSTREAM;
                long tripsBefore = counter.roundTrips();
                long cpuBefore = THREADS.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                store.confirm(tenant, edge.upstream(), edge.downstream(), by, SyntheticOrg.NOW.plusSeconds(++clock));
                long confirmNanos = System.nanoTime() - t;
                long confirmCpuNanos = THREADS.getCurrentThreadCpuTime() - cpuBefore;
                long confirmTrips = counter.roundTrips() - tripsBefore;
                // The floor under a confirm: the same two dependent round trips as bare commands on the part key that
                // holds the busy person's line (GET it, SET it back unchanged), and two PINGs.
                String partKey = linesKey(person, person.equals(edge.upstream()) ? edge.downstream() : edge.upstream());
                t = System.nanoTime();
                client.set(partKey, client.get(partKey));
                long bareNanos = System.nanoTime() - t;
                t = System.nanoTime();
                client.ping();
                client.ping();
                long pingNanos = System.nanoTime() - t;
                cpuBefore = THREADS.getCurrentThreadCpuTime();
                t = System.nanoTime();
                Neighbourhood around = store.neighbourhood(tenant, person, 1);
                long mapNanos = System.nanoTime() - t;
                if (i >= 0) {
                    confirm.add(confirmNanos);
                    confirmCpu.add(confirmCpuNanos);
                    bare.add(bareNanos);
                    pings.add(pingNanos);
                    map.add(mapNanos);
                    allConfirm.add(confirmNanos);
                    allMaps.add(mapNanos);
                    cpu.add(THREADS.getCurrentThreadCpuTime() - cpuBefore);
                    shown = around.graph().edges().size();
                    trips += confirmTrips;
                }
            }
            long serverMicros = redis.commandMicros() - serverBefore;
            String perCommand = BenchRedis.commandStatsDelta(statsBefore, redis.commandStats(), confirm.size());
            long gc = gcMillis() - gcBefore;
            who.add(person.value() + " (" + shown + ")");
            out.printf("Busy person %s, %,d handoffs (%,d samples, %s): confirming one p50 %s, p99 %s, %.1f round trips "
                            + "each, client CPU p50 %s, p99 %s; depth-1 map p50 %s, p99 %s, client CPU p50 %s%n",
                    person.value(), shown, confirm.size(), LoadAverage.brief(), Samples.micros(confirm.percentile(50)),
                    Samples.micros(confirm.percentile(99)), trips / (double) confirm.size(),
                    Samples.micros(confirmCpu.percentile(50)), Samples.micros(confirmCpu.percentile(99)),
                    Samples.micros(map.percentile(50)), Samples.micros(map.percentile(99)),
                    Samples.micros(cpu.percentile(50)));
            out.printf("  bare floor, interleaved (information): GET + SET of the part holding the line p50 %s, p99 %s; "
                            + "two PINGs p50 %s, p99 %s%n", Samples.micros(bare.percentile(50)),
                    Samples.micros(bare.percentile(99)), Samples.micros(pings.percentile(50)),
                    Samples.micros(pings.percentile(99)));
            out.printf("  server time (INFO commandstats) %.0f µs per confirmation, map and bare floor: %s; JVM GC %,d ms "
                    + "in all; %s%n", serverMicros / (double) confirm.size(), perCommand, gc,
                    redis.ours() ? SlowLog.summary(client, false) : "slow log not read (not our server)");
            if (redis.ours()) {
                // Which script takes the confirm's server time: the slow log at 0 µs over a few more confirms (every
                // logged command costs the server a little, so these times run a little high).
                SlowLog.start(client, true);
                for (int i = 0; i < 200; i++) {
                    Handoff edge = edges.get(random.nextInt(edges.size()));
                    store.confirm(tenant, edge.upstream(), edge.downstream(), Side.UPSTREAM,
                            SyntheticOrg.NOW.plusSeconds(++clock));
                }
                out.printf("  200 more confirms, %s%n", SlowLog.summary(client, true));
            }
        }
        return new BusyRun(allConfirm, allMaps, String.join(", ", who), LoadAverage.brief());
    }

    /** The key holding the person's line about the other: a part of theirs when split (as the store's AdjacencyParts). */
    private String linesKey(PersonId person, PersonId other) {
        String key = TenantKeys.key(tenant, "adj:" + person.value());
        String tail = client.getrange(key, -16, -1);
        int marker = tail.lastIndexOf("\n#");
        if (marker < 0) {
            return key;
        }
        int parts = Integer.parseInt(tail.substring(marker + 2));
        long h = 0;
        for (char c : other.value().toCharArray()) {
            h = (h * 31 + c) % 1_000_000_007L;
        }
        return TenantKeys.key(tenant, "adj-part:" + person.value() + ":" + h % parts);
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

    private static int teamSize(SyntheticOrg org, double percentile) {
        Map<String, Integer> sizes = new HashMap<>();
        org.people().forEach(p -> sizes.merge(p.team().value(), 1, Integer::sum));
        Samples samples = new Samples();
        sizes.values().forEach(samples::add);
        return (int) samples.percentile(percentile);
    }

    private static long gcMillis() {
        long total = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
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
