package io.handoff.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.journey.Better;
import io.handoff.journey.Blueprint;
import io.handoff.journey.BlueprintFormat;
import io.handoff.journey.BlueprintPictures;
import io.handoff.journey.Channel;
import io.handoff.journey.CustomerSignal;
import io.handoff.journey.Journey;
import io.handoff.journey.JourneyId;
import io.handoff.journey.JourneyQueries;
import io.handoff.journey.Journeys;
import io.handoff.journey.LineOfSight;
import io.handoff.journey.SignalPeriod;
import io.handoff.journey.Stage;
import io.handoff.journey.Touchpoint;
import io.handoff.journey.TouchpointId;
import io.handoff.journey.Weight;
import io.handoff.map.FrictionScores;
import io.handoff.map.MapRenderer;
import redis.clients.jedis.UnifiedJedis;

/**
 * Customer journeys on the synthetic organisation: 20 journeys of 12 touchpoints (4 stages of 3) owned by its teams
 * (a few touchpoints also by a person), each with a game-over moment, and a year of weekly signals (two metrics per
 * touchpoint). Prints one blueprint's p50/p99 (target p99 under 20 ms), one person's line of sight p50/p99 (target p99
 * under 5 ms), the render time of a 12-touchpoint blueprint picture (target under 1 s), and the Redis bytes the journeys and their signals take. Friction is left out (no polls in a synthetic
 * org). Run: {@code ./mvnw -Pbench compile exec:java -Dexec.mainClass=io.handoff.bench.JourneyBenchmark}; the org's
 * size with {@code -Dpeople= -Dteams= -Dedges=} as for the graph benchmark.
 */
public final class JourneyBenchmark {
    static final int JOURNEYS = 20;
    static final int STAGES = 4;
    static final int PER_STAGE = 3;
    static final int WEEKS = 52;
    private static final long BLUEPRINT_TARGET = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long SIGHT_TARGET = TimeUnit.MILLISECONDS.toNanos(5);

    private final BenchSettings settings;
    private final BenchRedis redis;
    private final UnifiedJedis client;
    private final GraphStore store;
    private final TenantId tenant = TenantId.of("bench-j-" + Long.toString(System.currentTimeMillis(), 36));
    private final PrintStream out = System.out;
    private final Verdicts verdicts = new Verdicts();

    private JourneyBenchmark(BenchSettings settings, BenchRedis redis) {
        this.settings = settings;
        this.redis = redis;
        this.client = redis.client();
        this.store = new RedisGraphStore(client);
    }

    public static void main(String[] args) throws Exception {
        try (BenchRedis redis = BenchRedis.open()) {
            new JourneyBenchmark(BenchSettings.fromSystemProperties(), redis).run();
        }
    }

    private void run() {
        out.printf("Handoff journey benchmark: %,d people, %,d teams, %,d handoffs, %d journeys of %d touchpoints%n",
                settings.people(), settings.teams(), settings.edges(), JOURNEYS, STAGES * PER_STAGE);
        out.printf("Redis: %s, version %s; tenant %s%n%s%n", redis.origin(), redis.info("server", "redis_version"),
                tenant, load());
        SyntheticOrg org = SyntheticOrg.generate(settings.people(), settings.teams(), settings.edges(), settings.seed());
        org.teams().forEach(t -> store.saveTeam(tenant, t));
        org.people().forEach(p -> store.savePerson(tenant, p));
        store.importHandoffs(tenant, org.edges());
        out.printf("Imported the org: %,d people, %,d handoffs%n", org.people().size(), org.edges().size());

        Journeys journeys = Journeys.onRedis(client, store);
        Clock clock = Clock.fixed(SyntheticOrg.NOW, ZoneOffset.UTC);
        JourneyQueries queries = new JourneyQueries(store, journeys, FrictionScores.NONE, t -> 3,
                t -> Duration.ofDays(180), 4, 30, clock);
        Random random = new Random(settings.seed());
        long before = redis.usedMemory();
        List<Journey> defined = defineJourneys(journeys, org, random);
        long afterJourneys = redis.usedMemory();
        int signals = importSignals(journeys, defined, random);
        long afterSignals = redis.usedMemory();
        out.printf("Redis used_memory: +%,.1f KB for %d journeys, +%,.1f MB for %,d weekly signals (a year, two metrics "
                        + "per touchpoint); %.0f bytes per signal; the tenant's journey keys hold %,d bytes (MEMORY USAGE)%n",
                (afterJourneys - before) / 1e3, defined.size(), (afterSignals - afterJourneys) / 1e6, signals,
                (afterSignals - afterJourneys) / (double) signals, journeyKeyBytes());

        Samples blueprints = new Samples();
        int backstage = 0;
        for (int i = 0; i < 40; i++) {
            queries.blueprint(tenant, defined.get(i % defined.size()).id(), queries.depth()); // warm-up
        }
        for (int i = 0; i < 400; i++) {
            Journey journey = defined.get(random.nextInt(defined.size()));
            long t = System.nanoTime();
            Blueprint blueprint = queries.blueprint(tenant, journey.id(), queries.depth());
            blueprints.add(System.nanoTime() - t);
            backstage = Math.max(backstage, blueprint.stages().stream().flatMap(s -> s.touchpoints().stream())
                    .mapToInt(p -> p.backstage().size()).sum());
        }
        out.printf("%nBlueprint (depth %d, 400 random journeys): p50 %s, p99 %s; up to %,d backstage handoffs listed%n",
                queries.depth(), Samples.micros(blueprints.percentile(50)), Samples.micros(blueprints.percentile(99)),
                backstage);

        for (int depth = 1; depth <= queries.depth(); depth++) {
            Samples reads = new Samples();
            int size = 0;
            for (int i = 0; i < 60; i++) {
                Journey journey = defined.get(random.nextInt(defined.size()));
                java.util.Set<PersonId> owners = new java.util.HashSet<>();
                java.util.Set<TeamId> ownerTeams = new java.util.HashSet<>();
                journey.touchpoints().forEach(t -> { owners.addAll(t.ownerPeople()); ownerTeams.addAll(t.ownerTeams()); });
                long t = System.nanoTime();
                size = Math.max(size, store.chain(tenant, owners, ownerTeams, io.handoff.graph.Side.UPSTREAM, depth).people().size());
                reads.add(System.nanoTime() - t);
            }
            out.printf("  chain read behind a journey's owners, depth %d: p50 %s, up to %,d people%n", depth,
                    Samples.micros(reads.percentile(50)), size);
        }
        Samples journeyReads = new Samples();
        for (int i = 0; i < 200; i++) {
            long t = System.nanoTime();
            journeys.journeys(tenant);
            journeyReads.add(System.nanoTime() - t);
        }
        out.printf("  reading and parsing the 20 journeys: p50 %s%n", Samples.micros(journeyReads.percentile(50)));
        Samples sights = new Samples();
        int reached = 0;
        List<Person> people = org.people();
        for (int i = 0; i < 200; i++) {
            queries.lineOfSight(tenant, people.get(random.nextInt(people.size())).id(), queries.depth());
        }
        for (int i = 0; i < 2_000; i++) {
            PersonId person = people.get(random.nextInt(people.size())).id();
            long t = System.nanoTime();
            LineOfSight sight = queries.lineOfSight(tenant, person, queries.depth());
            sights.add(System.nanoTime() - t);
            reached += sight.reaches().isEmpty() ? 0 : 1;
        }
        out.printf("Line of sight (depth %d, 2,000 random people): p50 %s, p99 %s; %.0f%% of them reach a touchpoint%n",
                queries.depth(), Samples.micros(sights.percentile(50)), Samples.micros(sights.percentile(99)),
                reached / 20.0);

        System.setProperty("java.awt.headless", "true");
        BlueprintPictures pictures = new BlueprintPictures(new MapRenderer());
        Blueprint largest = defined.stream().map(j -> queries.blueprint(tenant, j.id(), queries.depth()))
                .max(java.util.Comparator.comparingInt(b -> b.stages().stream().flatMap(st -> st.touchpoints().stream())
                        .mapToInt(p -> p.frontStage().size() + p.backstage().size()).sum())).orElseThrow();
        java.util.Map<TeamId, String> teamNames = new java.util.HashMap<>();
        org.teams().forEach(t -> teamNames.put(t.id(), t.name()));
        Samples renders = new Samples();
        int pngBytes = 0;
        for (int i = 0; i < 8; i++) {
            long t = System.nanoTime();
            pngBytes = pictures.export(largest, id -> teamNames.getOrDefault(id, id.value()), BlueprintFormat.PNG)
                    .content().length;
            if (i >= 3) {
                renders.add(System.nanoTime() - t);
            }
        }
        out.printf("Blueprint picture (PNG, the largest of the 20: %d touchpoints, front stage and backstage as "
                        + "listed): median %s, %,d bytes%n", largest.journey().touchpoints().size(),
                Samples.micros(renders.percentile(50)), pngBytes);

        verdicts.judge("blueprint picture (12 touchpoints) < 1 s", renders.percentile(50) < 1_000_000_000L,
                Samples.micros(renders.percentile(50)));
        verdicts.judge("one blueprint p99 < 20 ms", blueprints.percentile(99) < BLUEPRINT_TARGET,
                Samples.micros(blueprints.percentile(99)));
        verdicts.judge("one person's line of sight p99 < 5 ms", sights.percentile(99) < SIGHT_TARGET,
                Samples.micros(sights.percentile(99)));
        verdicts.print(out);
        out.println(load());
        if (!settings.keepData()) {
            out.printf("Removed %,d keys of the benchmark tenant%n", redis.unlinkMatching(TenantKeys.key(tenant, "*")));
        }
    }

    private List<Journey> defineJourneys(Journeys journeys, SyntheticOrg org, Random random) {
        List<Journey> defined = new ArrayList<>();
        List<Team> teams = org.teams();
        for (int j = 0; j < JOURNEYS; j++) {
            List<Stage> stages = new ArrayList<>();
            int gameOver = random.nextInt(STAGES * PER_STAGE);
            for (int s = 0; s < STAGES; s++) {
                List<Touchpoint> touchpoints = new ArrayList<>();
                for (int k = 0; k < PER_STAGE; k++) {
                    int n = s * PER_STAGE + k;
                    TeamId team = teams.get(random.nextInt(teams.size())).id();
                    List<PersonId> owners = random.nextInt(4) == 0
                            ? List.of(org.people().get(random.nextInt(org.people().size())).id()) : List.of();
                    Weight weight = n == gameOver ? Weight.GAME_OVER : n % 4 == 0 ? Weight.IMPORTANT : Weight.ROUTINE;
                    touchpoints.add(new Touchpoint(TouchpointId.of("tp-" + n), "Touchpoint " + (n + 1) + " of journey "
                            + (j + 1), Channel.values()[random.nextInt(Channel.values().length)], List.of(team), owners,
                            weight));
                }
                stages.add(new Stage("Stage " + (s + 1), touchpoints));
            }
            Journey journey = new Journey(JourneyId.of("journey-" + j), "Journey " + (j + 1),
                    "a customer of line " + (j + 1), stages);
            journeys.define(tenant, journey);
            defined.add(journey);
        }
        return defined;
    }

    private int importSignals(Journeys journeys, List<Journey> defined, Random random) {
        int count = 0;
        LocalDate first = SyntheticOrg.NOW.atZone(ZoneOffset.UTC).toLocalDate().minusWeeks(WEEKS);
        for (Journey journey : defined) {
            List<CustomerSignal> rows = new ArrayList<>();
            for (Touchpoint touchpoint : journey.touchpoints()) {
                for (int w = 0; w < WEEKS; w++) {
                    SignalPeriod week = SignalPeriod.weekOf(first.plusWeeks(w));
                    rows.add(new CustomerSignal(touchpoint.id(), week, "CSAT", 60 + random.nextInt(40),
                            50 + random.nextInt(500), Better.HIGHER));
                    rows.add(new CustomerSignal(touchpoint.id(), week, "complaints", random.nextInt(30),
                            50 + random.nextInt(500), Better.LOWER));
                }
            }
            journeys.importSignals(tenant, journey.id(), j -> rows);
            count += rows.size();
        }
        return count;
    }

    private long journeyKeyBytes() {
        long bytes = 0;
        for (String key : client.keys(TenantKeys.key(tenant, "journey*"))) {
            Long used = client.memoryUsage(key);
            bytes += used == null ? 0 : used;
        }
        return bytes;
    }

    private static String load() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format("System load average (1 min): %.1f on %d CPUs", load,
                Runtime.getRuntime().availableProcessors());
    }
}
