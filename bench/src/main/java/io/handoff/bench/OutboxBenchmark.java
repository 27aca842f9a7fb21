package io.handoff.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.port.PlatformSender;
import io.handoff.chat.port.SendFailure;
import io.handoff.config.EmbeddedRedis;
import io.handoff.delivery.DecisionLog;
import io.handoff.delivery.DeliveryMetrics;
import io.handoff.delivery.DeliveryRules;
import io.handoff.delivery.Outbox;
import io.handoff.delivery.OutboxSender;
import io.handoff.delivery.PlatformPreference;
import io.handoff.delivery.RateLimits;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.TenantId;
import io.handoff.redis.RedisClientFactory;
import io.handoff.scheduler.Scheduler;
import io.handoff.scheduler.SchedulerProperties;
import io.handoff.scheduler.SchedulerWorker;
import io.handoff.delivery.DeliverySettings;
import io.handoff.settings.TenantSettings;
import io.handoff.settings.SettingsRegistry;
import io.handoff.settings.TenantSettingsStore;
import io.handoff.survey.PreferencesStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import redis.clients.jedis.UnifiedJedis;

/**
 * Pushes N nudges (default 10,000) through the real outbox (Redis job queue, delivery rules, Redis rate limit,
 * worker pool) to a chat platform played by WireMock that accepts at most {@code limit} requests in any one-second
 * window and answers 429 with Retry-After beyond that. Prints how many distinct messages the platform accepted
 * (delivered), accepted more than once (duplicates), never accepted (lost), the 429s, and the achieved rate as a
 * ratio of the platform's limit. It runs twice: with one app instance, then with three (each its own Redis
 * connections, scheduler, rate limits, sender and workers, sharing only the Redis server and the platform's limit),
 * and prints PASS or FAIL for each. Targets at one and three instances: 0 duplicates, 0 lost, ratio at least 0.95.
 *
 * <p>{@code ./mvnw -Pbench compile exec:java -Dexec.mainClass=io.handoff.bench.OutboxBenchmark [-Dnudges=10000]
 * [-Dlimit=200] [-Dpeople=2000] [-Dthreads=16] [-Dwarmup=1000] [-Dseries=true]}; uses REDIS_URL or a redis-server of
 * its own. A warm-up run of {@code warmup} nudges (not judged) goes first, so the measured runs do not pay for class
 * loading and JIT; {@code series} prints the accepted requests per 100 ms of each run.
 */
public final class OutboxBenchmark {
    /** Each run's app instances: one, then three sharing the one limit and the one Redis. */
    private static final int[] INSTANCES = {1, 3};

    public static void main(String[] args) throws Exception {
        int nudges = Integer.getInteger("nudges", 10_000);
        int limit = Integer.getInteger("limit", 200);
        int people = Integer.getInteger("people", 2_000);
        int threads = Integer.getInteger("threads", 16);
        int warmup = Integer.getInteger("warmup", 1_000);

        String url = System.getenv("REDIS_URL");
        EmbeddedRedis embedded = url == null || url.isBlank()
                ? EmbeddedRedis.start(Files.createTempDirectory("handoff-outbox-bench")) : null;
        String redisUrl = embedded != null ? embedded.url() : url;
        Verdicts verdicts = new Verdicts();
        try {
            System.out.printf("load average before: %s%n", LoadAverage.line());
            if (warmup > 0) {
                // the same code paths, so the measured runs do not pay for class loading, JIT and connection pools
                System.out.printf("%nWarm-up (not judged): %,d nudges through one instance%n", warmup);
                run(redisUrl, 1, warmup, limit, Math.min(people, warmup), threads).print();
            }
            for (int instances : INSTANCES) {
                Run run = run(redisUrl, instances, nudges, limit, people, threads);
                run.print();
                String name = instances == 1 ? "one instance" : instances + " instances";
                verdicts.judge("outbox, " + name + ": 0 duplicates", run.duplicates == 0, run.duplicates + " duplicates");
                verdicts.judge("outbox, " + name + ": 0 lost", run.lost == 0, run.lost + " lost");
                verdicts.judge("outbox, " + name + ": rate >= 0.95 of the limit", run.ratio() >= 0.95,
                        String.format("%.3f of %d per second", run.ratio(), limit));
            }
            System.out.printf("load average after: %s%n", LoadAverage.line());
            verdicts.print(System.out);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /**
     * One run: {@code instances} app instances, each with its own Redis connections, scheduler, rate limits, outbox
     * sender, HTTP client and worker pool of {@code threads}, sharing only the Redis server (so the tenant's queue and
     * its rate-limit buckets) and the platform with its limit.
     */
    private static Run run(String redisUrl, int instances, int nudges, int limit, int people, int threads)
            throws Exception {
        int perPerson = (nudges + people - 1) / people;
        PlatformLimit platformLimit = new PlatformLimit(limit);
        WireMockServer platform = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(64)
                .disableRequestJournal().extensions(platformLimit));
        platform.start();
        platform.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));
        HttpSender.nanos.set(0);
        HttpSender.calls.set(0);
        List<Instance> apps = new ArrayList<>();
        try {
            TenantId tenant = TenantId.of("outbox-bench-" + instances + "-"
                    + Long.toString(System.nanoTime() % 1_000_000, 36));
            Clock clock = Clock.systemUTC();
            for (int i = 0; i < instances; i++) {
                apps.add(new Instance(redisUrl, clock, limit, threads, tenant,
                        URI.create(platform.baseUrl() + "/api/chat.postMessage")));
            }
            Instance first = apps.get(0);
            first.settings.save(tenant, TenantSettings.defaults()
                    .with(DeliverySettings.WORKING_DAYS, EnumSet.allOf(DayOfWeek.class))
                    .with(DeliverySettings.WORKDAY_START, LocalTime.MIDNIGHT)
                    .with(DeliverySettings.WORKDAY_END, LocalTime.MIDNIGHT)
                    .with(DeliverySettings.WEEKLY_CAP, Math.min(DeliverySettings.MAX_WEEKLY_CAP, perPerson)));
            System.out.printf("%n== %d instance%s ==%nCreating %,d people...%n", instances, instances == 1 ? "" : "s",
                    people);
            for (int i = 0; i < people; i++) {
                first.graph.savePerson(tenant, new Person(PersonId.of("p" + i), "Person " + i, null, null,
                        ZoneId.of("UTC"), Map.of(Platform.SLACK, "U" + i)));
            }
            System.out.printf("Storing %,d nudges in the outbox...%n", nudges);
            long storeStart = System.nanoTime();
            for (int i = 0; i < nudges; i++) {
                // stored through the instances in turn, as requests would arrive at any replica
                apps.get(i % instances).outbox.nudge(tenant, new Notification(PersonId.of("p" + (i % people)),
                        Message.text("nudge-" + i), "n" + i), "bench:nudge-" + i);
            }
            double storeSeconds = (System.nanoTime() - storeStart) / 1e9;

            System.out.printf("Sending through %d outbox worker%s to a platform that allows %d requests per second...%n",
                    instances, instances == 1 ? "" : "s", limit);
            long start = System.nanoTime();
            apps.forEach(Instance::start);
            long deadline = start + Duration.ofSeconds(60L + 3L * nudges / limit).toNanos();
            while (System.nanoTime() < deadline && (platformLimit.accepted.size() < nudges
                    || first.scheduler.waiting(tenant) + first.scheduler.leased(tenant) > 0)) {
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            apps.forEach(Instance::stop);
            Thread.sleep(500);

            Run run = new Run(instances, nudges, people, perPerson, limit, storeSeconds, seconds);
            run.delivered = platformLimit.accepted.size();
            run.duplicates = platformLimit.accepted.values().stream().mapToLong(count -> count.get() - 1L).sum();
            run.lost = nudges - run.delivered;
            run.refused = platformLimit.refused.get();
            double acceptedSpan = (platformLimit.lastAccepted.get() - platformLimit.firstAccepted.get()) / 1e9;
            run.achieved = acceptedSpan > 0 ? (platformLimit.acceptedRequests.get() - 1) / acceptedSpan : 0;
            for (Instance app : apps) {
                run.sent += app.metrics.count("handoff.outbox.sent");
                run.retried += app.metrics.count("handoff.outbox.retried");
                run.deadLettered += app.metrics.count("handoff.outbox.dead_lettered");
                run.handlerNanos += app.timed.nanos.get();
                run.handlerRuns += app.timed.runs.get();
            }
            if (Boolean.getBoolean("series")) {
                System.out.println("accepted per 100 ms   " + platformLimit.series());
            }
            run.httpMillis = HttpSender.nanos.get() / 1e6 / Math.max(1, HttpSender.calls.get());
            return run;
        } finally {
            apps.forEach(Instance::close);
            platform.stop();
        }
    }

    /** One app instance's delivery beans, with connections of its own. */
    private static final class Instance {
        final UnifiedJedis redis;
        final RedisGraphStore graph;
        final TenantSettingsStore settings;
        final Scheduler scheduler;
        final Outbox outbox;
        final DeliveryMetrics metrics;
        final Timed timed;
        private SchedulerWorker worker;
        private final SchedulerProperties properties;
        private final TenantId tenant;

        Instance(String redisUrl, Clock clock, int limit, int threads, TenantId tenant, URI endpoint) {
            this.tenant = tenant;
            redis = RedisClientFactory.create(redisUrl, Duration.ofSeconds(5), 64);
            graph = new RedisGraphStore(redis);
            settings = new TenantSettingsStore(redis, SettingsRegistry.of(DeliverySettings.SETTINGS));
            scheduler = new Scheduler(redis, clock, Duration.ofDays(7));
            outbox = new Outbox(scheduler);
            // The outbox paces itself a little under the platform's limit: at most burst + rate tokens fit in any
            // one-second window; a burst of 1 and a rate 2.5 % below the limit leave room for the jitter between
            // taking a token and the request reaching the platform. The buckets live in Redis: every instance
            // takes its tokens from the same ones.
            long rate = limit - Math.max(1, limit / 40);
            RateLimits rateLimits = new RateLimits(redis, Map.of(Platform.SLACK, new RateLimits.PlatformLimits(
                    List.of(), List.of(new RateLimits.Limit(1, rate, Duration.ofSeconds(1))))),
                    Duration.ofSeconds(2));
            metrics = new DeliveryMetrics(new SimpleMeterRegistry());
            OutboxSender sender = new OutboxSender(graph, List.of(new HttpSender(endpoint)),
                    new PlatformPreference(redis), rateLimits,
                    new DeliveryRules(redis, settings, List.of(), new PreferencesStore(redis), clock),
                    new DecisionLog(redis), metrics, clock, 5);
            timed = new Timed(sender);
            properties = SchedulerProperties.defaults().withThreads(threads, threads)
                    .withPollInterval(Duration.ofMillis(5));
        }

        void start() {
            worker = new SchedulerWorker(scheduler, List.of(timed), properties, () -> List.of(tenant));
            worker.start();
        }

        void stop() {
            if (worker != null) {
                worker.stop();
                worker = null;
            }
        }

        void close() {
            stop();
            redis.close();
        }
    }

    /** What one run measured. */
    private static final class Run {
        final int instances;
        final int nudges;
        final int people;
        final int perPerson;
        final int limit;
        final double storeSeconds;
        final double seconds;
        int delivered;
        long duplicates;
        int lost;
        long refused;
        double achieved;
        double sent;
        double retried;
        double deadLettered;
        long handlerNanos;
        long handlerRuns;
        double httpMillis;

        Run(int instances, int nudges, int people, int perPerson, int limit, double storeSeconds, double seconds) {
            this.instances = instances;
            this.nudges = nudges;
            this.people = people;
            this.perPerson = perPerson;
            this.limit = limit;
            this.storeSeconds = storeSeconds;
            this.seconds = seconds;
        }

        double ratio() {
            return achieved / limit;
        }

        void print() {
            System.out.println();
            System.out.printf("instances              %d (own connections, scheduler, rate limits, workers each)%n",
                    instances);
            System.out.printf("nudges                 %,d to %,d people (%d each, weekly cap %d)%n", nudges, people,
                    perPerson, Math.min(DeliverySettings.MAX_WEEKLY_CAP, perPerson));
            System.out.printf("stored in the outbox   %.1f s (%,.0f per second)%n", storeSeconds, nudges / storeSeconds);
            System.out.printf("delivered              %,d%n", delivered);
            System.out.printf("duplicates             %,d%n", duplicates);
            System.out.printf("lost                   %,d%n", lost);
            System.out.printf("429 answers            %,d%n", refused);
            System.out.printf("outbox counters        sent %.0f, retried %.0f, dead-lettered %.0f%n", sent, retried,
                    deadLettered);
            System.out.printf("per send               %.1f ms in the handler, of which %.1f ms HTTP (averages)%n",
                    handlerNanos / 1e6 / Math.max(1, handlerRuns), httpMillis);
            System.out.printf("wall time              %.1f s%n", seconds);
            System.out.printf("achieved rate          %.1f per second = %.3f of the limit %d (target >= 0.95)%n",
                    achieved, ratio(), limit);
        }
    }

    /**
     * The platform's rate limit: at most {@code limit} accepted requests in any sliding one-second window; beyond
     * that 429 with {@code Retry-After: 1}. Counts accepted requests by message text (the nudge id).
     */
    static final class PlatformLimit implements ResponseDefinitionTransformerV2 {
        private final int limit;
        private final ArrayDeque<Long> window = new ArrayDeque<>();
        final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        final AtomicLong acceptedRequests = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong firstAccepted = new AtomicLong();
        final AtomicLong lastAccepted = new AtomicLong();
        final java.util.concurrent.ConcurrentSkipListMap<Long, AtomicInteger> perTenth =
                new java.util.concurrent.ConcurrentSkipListMap<>();

        PlatformLimit(int limit) {
            this.limit = limit;
        }

        @Override
        public String getName() {
            return "platform-rate-limit";
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            long now = System.nanoTime();
            synchronized (window) {
                while (!window.isEmpty() && now - window.peekFirst() >= 1_000_000_000L) {
                    window.pollFirst();
                }
                if (window.size() >= limit) {
                    refused.incrementAndGet();
                    return aResponse().withStatus(429).withHeader("Retry-After", "1")
                            .withBody("{\"ok\":false,\"error\":\"ratelimited\"}").build();
                }
                window.addLast(now);
            }
            String body = serveEvent.getRequest().getBodyAsString();
            int start = body.indexOf("nudge-");
            String id = start < 0 ? body : body.substring(start, body.indexOf('"', start));
            accepted.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
            acceptedRequests.incrementAndGet();
            firstAccepted.compareAndSet(0, now);
            lastAccepted.accumulateAndGet(now, Math::max);
            perTenth.computeIfAbsent((now - firstAccepted.get()) / 100_000_000L, k -> new AtomicInteger()).incrementAndGet();
            return serveEvent.getResponseDefinition();
        }

        /** Requests accepted in each 100 ms from the first one on (stalls show as runs of small numbers or 0). */
        List<Integer> series() {
            List<Integer> counts = new ArrayList<>();
            long last = perTenth.isEmpty() ? -1 : perTenth.lastKey();
            for (long tenth = 0; tenth <= last; tenth++) {
                AtomicInteger count = perTenth.get(tenth);
                counts.add(count == null ? 0 : count.get());
            }
            return counts;
        }
    }

    /** Measures the time the outbox's handler takes per message. */
    static final class Timed implements io.handoff.scheduler.JobHandler {
        private final io.handoff.scheduler.JobHandler delegate;
        final AtomicLong nanos = new AtomicLong();
        final AtomicLong runs = new AtomicLong();

        Timed(io.handoff.scheduler.JobHandler delegate) {
            this.delegate = delegate;
        }

        @Override
        public String type() {
            return delegate.type();
        }

        @Override
        public io.handoff.scheduler.JobResult handle(io.handoff.scheduler.Job job) {
            long started = System.nanoTime();
            try {
                return delegate.handle(job);
            } finally {
                nanos.addAndGet(System.nanoTime() - started);
                runs.incrementAndGet();
            }
        }

        @Override
        public int maxFailures() {
            return delegate.maxFailures();
        }

        @Override
        public void deadLettered(io.handoff.scheduler.Job job, String error) {
            delegate.deadLettered(job, error);
        }
    }

    /** A platform sender posting each message as JSON, mapping 429 + Retry-After like the real adapters. */
    static final class HttpSender implements PlatformSender {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        private final URI endpoint;
        static final AtomicLong nanos = new AtomicLong();
        static final AtomicLong calls = new AtomicLong();

        HttpSender(URI endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public Platform platform() {
            return Platform.SLACK;
        }

        @Override
        public boolean canReach(TenantId tenant, Person recipient) {
            return recipient.identities().containsKey(Platform.SLACK);
        }

        @Override
        public void send(TenantId tenant, Person recipient, Message message) {
            String body = "{\"channel\":\"" + recipient.identities().get(Platform.SLACK) + "\",\"text\":\""
                    + message.summary() + "\"}";
            HttpResponse<Void> response;
            long started = System.nanoTime();
            try {
                response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw SendFailure.transientFailure("platform unreachable", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SendFailure.transientFailure("interrupted", e);
            }
            nanos.addAndGet(System.nanoTime() - started);
            calls.incrementAndGet();
            if (response.statusCode() == 429) {
                throw SendFailure.rateLimited(Duration.ofSeconds(
                        response.headers().firstValueAsLong("Retry-After").orElse(1)));
            }
            if (response.statusCode() >= 300) {
                throw SendFailure.transientFailure("platform answered " + response.statusCode(), null);
            }
        }
    }
}
