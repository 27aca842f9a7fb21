package io.handoff.scheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.delivery.MessageKind;
import io.handoff.delivery.Outbox;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.testing.RedisServerProcess;
import io.handoff.testing.AllSettings;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.Tuple;

/**
 * Issue 8's multi-replica proofs: three real Handoff JVMs (the test's own class path, {@code HandoffApplication})
 * share one redis-server (started for this class alone) and send outbox messages to a WireMock "platform" through {@code ReplicaPlatformSender}.
 * 1) 1,000 messages go out exactly once, spread over all three; 2) an instance killed with SIGKILL mid-run loses no
 * message: its leased jobs go out again once their lease expired, and the platform sees a message twice only when
 * the instance died between the platform's answer and the acknowledgement (at most its thread count); 3) a SIGTERM'd
 * instance hands its claimed-but-unstarted jobs back at once and finishes the ones it is running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasTest {
    private static final Logger log = LoggerFactory.getLogger(ReplicasTest.class);
    private static final int JOBS = 1000;
    private static final int PEOPLE = 100;
    private static final int THREADS = 4;
    private static final int PREFETCH = 4;
    private static final Duration LEASE = Duration.ofSeconds(6);
    private static final Pattern WORKER_STARTED = Pattern.compile("Job worker (\\S+) started");

    private final TenantId tenant = TestRedis.uniqueTenant();
    private final WireMockServer platform = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(40));
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Replica> replicas = new LinkedHashMap<>();
    private RedisServerProcess redisServer;
    private URI redisUri;
    private UnifiedJedis redis;
    private Scheduler scheduler;
    private Outbox outbox;

    /** One app instance: its process, port, log and the id its job worker claims with. */
    private record Replica(String name, Process process, Path logFile) {
        String workerId() {
            try {
                Matcher matcher = WORKER_STARTED.matcher(Files.readString(logFile));
                return matcher.find() ? matcher.group(1) : null;
            } catch (IOException e) {
                return null;
            }
        }
    }

    @BeforeAll
    void startPlatformRedisAndThreeInstances() throws Exception {
        Instant started = Instant.now();
        platform.start();
        platform.stubFor(post(urlEqualTo("/send")).willReturn(aResponse().withStatus(200).withBody("{\"id\":\"ok\"}")));
        // A redis-server of its own: Spring contexts other tests cached in this JVM run job workers on the shared one,
        // and they would claim these jobs too.
        redisServer = RedisServerProcess.start("replicas", RedisServerProcess.freePorts(1)[0],
                Files.createTempDirectory("handoff-replicas-redis"), null, List.of());
        redisUri = URI.create("redis://127.0.0.1:" + redisServer.port());
        redis = RedisClient.create(redisUri);
        scheduler = new Scheduler(redis, Clock.systemUTC(), Duration.ofDays(1));
        outbox = new Outbox(scheduler);
        RedisGraphStore graph = new RedisGraphStore(redis);
        graph.saveTenant(new Tenant(tenant, "Replicas Ltd", null, null, null, Instant.now()));
        for (int i = 0; i < PEOPLE; i++) {
            graph.savePerson(tenant, new Person(PersonId.of("p" + i), "Person " + i, null, null, ZoneOffset.UTC,
                    Map.of()));
        }
        // Every day, all day: the run must not depend on the hour or weekday CI happens to run at.
        AllSettings.store(redis).save(tenant, io.handoff.testing.AroundTheClock.settings());
        for (String name : List.of("r1", "r2", "r3")) {
            replicas.put(name, start(name));
        }
        for (Replica replica : replicas.values()) {
            awaitReady(replica);
        }
        log.info("Three instances ready in {} ms", Duration.between(started, Instant.now()).toMillis());
    }

    @AfterAll
    void stopEverything() {
        for (Replica replica : replicas.values()) {
            replica.process().destroyForcibly();
        }
        for (Replica replica : replicas.values()) {
            try {
                replica.process().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        platform.stop();
        if (redis != null) {
            redis.close();
        }
        if (redisServer != null) {
            redisServer.close();
            RedisServerProcess.deleteTree(redisServer.dir());
        }
    }

    @Test
    @Order(1)
    void thousandJobsRunExactlyOnceSpreadOverThreeInstances() {
        Instant start = Instant.now();
        List<String> keys = enqueue("a", JOBS);
        await(Duration.ofSeconds(90), () -> delivered("a").size() == JOBS && allDone(keys));
        long millis = Duration.between(start, Instant.now()).toMillis();

        Map<String, List<String>> sends = delivered("a");
        assertThat(sends).hasSize(JOBS);
        assertThat(sends.values()).allSatisfy(by -> assertThat(by).hasSize(1));
        Map<String, Long> perReplica = sends.values().stream().map(by -> by.get(0))
                .collect(Collectors.groupingBy(name -> name, TreeMap::new, Collectors.counting()));
        log.info("Run A: {} messages in {} ms; per instance {}", JOBS, millis, perReplica);
        assertThat(perReplica).containsOnlyKeys("r1", "r2", "r3");
        assertThat(perReplica.values()).allSatisfy(count -> assertThat(count).isPositive());
    }

    @Test
    @Order(2)
    void killedInstanceLosesNoJob() throws Exception {
        Replica victim = replicas.get("r3");
        String victimWorker = victim.workerId();
        assertThat(victimWorker).as("r3's worker id in its log").isNotNull();
        Instant start = Instant.now();
        List<String> keys = enqueue("b", JOBS);
        await(Duration.ofSeconds(60), () -> sentBy("b", "r3") >= 50 && delivered("b").size() >= JOBS / 4);

        victim.process().destroyForcibly();
        victim.process().waitFor();
        Instant killedAt = Instant.now();
        Map<String, Instant> stranded = leasesOf(victimWorker);
        int deliveredAtKill = delivered("b").size();
        assertThat(stranded).as("jobs r3 held when it was killed").isNotEmpty();

        await(Duration.ofSeconds(90), () -> delivered("b").size() == JOBS && allDone(keys));
        long millis = Duration.between(start, Instant.now()).toMillis();

        Map<String, List<String>> sends = delivered("b");
        assertThat(sends).hasSize(JOBS);
        Map<String, List<String>> duplicates = sends.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<String> strandedMessages = new ArrayList<>();
        for (Map.Entry<String, Instant> job : stranded.entrySet()) {
            JobInfo info = scheduler.job(tenant, job.getKey()).orElseThrow();
            assertThat(info.state()).isEqualTo(JobState.DONE);
            assertThat(info.runs()).as("claimed by r3, then again after its lease expired").isEqualTo(2);
            assertThat(info.finishedOrFailedAt()).get().matches(at -> !at.isBefore(job.getValue()),
                    "finished after the dead lease expired at " + job.getValue());
            strandedMessages.add(messageOf(info));
        }
        // The platform saw a message twice only if r3 died after sending it and before acknowledging it.
        assertThat(duplicates.size()).isLessThanOrEqualTo(THREADS);
        assertThat(strandedMessages).containsAll(duplicates.keySet());
        assertThat(duplicates.values()).allSatisfy(by -> assertThat(by).hasSize(2).contains("r3"));
        log.info("Run B: {} messages in {} ms; r3 killed after {} delivered, {} ms after the start, holding {} jobs; "
                        + "{} sent twice {}; per instance {}", JOBS, millis, deliveredAtKill,
                Duration.between(start, killedAt).toMillis(), stranded.size(), duplicates.size(), duplicates.keySet(),
                perReplica(sends));
    }

    @Test
    @Order(3)
    void terminatedInstanceHandsBackUnstartedJobsAndFinishesRunningOnes() throws Exception {
        platform.stubFor(post(urlEqualTo("/send")).willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
        Replica leaving = replicas.get("r2");
        String leavingWorker = leaving.workerId();
        List<String> keys = enqueue("c", 40);
        await(Duration.ofSeconds(30), () -> leasesOf(leavingWorker).size() > THREADS);

        Map<String, Instant> held = leasesOf(leavingWorker);
        Instant termAt = Instant.now();
        leaving.process().destroy();
        assertThat(leaving.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Instant exitedAt = Instant.now();
        Map<String, Instant> stillHeld = leasesOf(leavingWorker);
        Instant firstExpiry = held.values().stream().min(Instant::compareTo).orElseThrow();

        assertThat(stillHeld).as("nothing left leased by the stopped worker").isEmpty();
        assertThat(exitedAt).as("handed back before any of its leases expired").isBefore(firstExpiry);
        Map<String, List<String>> sentByLeaving = delivered("c").entrySet().stream()
                .filter(e -> e.getValue().contains("r2")).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<String> heldMessages = held.keySet().stream()
                .map(id -> messageOf(scheduler.job(tenant, id).orElseThrow())).toList();
        List<String> handedBack = heldMessages.stream().filter(m -> !sentByLeaving.containsKey(m)).toList();
        assertThat(handedBack).as("claimed but not started when SIGTERM came").isNotEmpty();
        String leavingLog = Files.readString(leaving.logFile());
        Matcher stopped = Pattern.compile("handed back (\\d+) unstarted jobs").matcher(leavingLog);
        assertThat(stopped.find()).as("r2 logged its stop").isTrue();
        assertThat(Integer.parseInt(stopped.group(1))).isBetween(1, held.size() + THREADS + PREFETCH);
        assertThat(leavingLog).doesNotContain("some jobs were still running");

        await(Duration.ofSeconds(60), () -> delivered("c").size() == 40 && allDone(keys));
        Map<String, List<String>> sends = delivered("c");
        assertThat(sends.values()).allSatisfy(by -> assertThat(by).hasSize(1));
        assertThat(handedBack).allSatisfy(m -> assertThat(sends.get(m)).containsExactly("r1"));
        assertThat(sentByLeaving).as("r2's in-flight sends finished and were acknowledged, not sent again")
                .isNotEmpty();
        log.info("Run C: r2 held {} jobs at SIGTERM, {} running, {} handed back; exited in {} ms (lease {} s); "
                        + "per instance {}", held.size(), held.size() - handedBack.size(), handedBack.size(),
                Duration.between(termAt, exitedAt).toMillis(), LEASE.toSeconds(), perReplica(sends));
    }

    private List<String> enqueue(String run, int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "replicas:" + run + ":" + i;
            PersonId to = PersonId.of("p" + (i % PEOPLE));
            assertThat(outbox.enqueue(tenant, new Notification(to, Message.text(run + "-" + i), key), key,
                    MessageKind.CONFIRMATION, Instant.now())).isTrue();
            keys.add(key);
        }
        return keys;
    }

    /** Message text of the run's sends → the replicas that sent it, one entry per platform request. */
    private Map<String, List<String>> delivered(String run) {
        Map<String, List<String>> sends = new HashMap<>();
        for (ServeEvent event : platform.getAllServeEvents()) {
            String message = event.getRequest().getHeader("X-Message");
            if (message != null && message.startsWith(run + "-")) {
                sends.computeIfAbsent(message, m -> new ArrayList<>()).add(event.getRequest().getHeader("X-Replica"));
            }
        }
        return sends;
    }

    private long sentBy(String run, String replica) {
        return delivered(run).values().stream().flatMap(List::stream).filter(replica::equals).count();
    }

    private static Map<String, Long> perReplica(Map<String, List<String>> sends) {
        return sends.values().stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(name -> name, TreeMap::new, Collectors.counting()));
    }

    private boolean allDone(List<String> keys) {
        return keys.stream().allMatch(key -> outbox.status(tenant, key).map(JobInfo::state).orElse(null)
                == JobState.DONE);
    }

    /** Jobs leased to the worker right now, with their lease expiry. */
    private Map<String, Instant> leasesOf(String workerId) {
        SchedulerKeys schedulerKeys = new SchedulerKeys(tenant);
        Map<String, Instant> leases = new HashMap<>();
        for (Tuple leased : redis.zrangeWithScores(schedulerKeys.leased(), 0, -1)) {
            String owner = redis.hget(schedulerKeys.job(leased.getElement()), "owner");
            if (owner != null && owner.startsWith(workerId + ":")) {
                leases.put(leased.getElement(), Instant.ofEpochMilli((long) leased.getScore()));
            }
        }
        return leases;
    }

    private String messageOf(JobInfo info) {
        // A finished job's payload is dropped; its id is the digest of the key, and the key names the message.
        for (String run : List.of("a", "b", "c")) {
            for (int i = 0; i < JOBS; i++) {
                if (Outbox.jobId("replicas:" + run + ":" + i).equals(info.job().id())) {
                    return run + "-" + i;
                }
            }
        }
        throw new AssertionError("not a job of this test: " + info.job().id());
    }

    /**
     * Starts an instance on a port of its own choosing ({@code server.port=0}): ports picked here and handed over
     * came back the same for two instances (the kernel reuses a port just closed), and the second failed to start.
     */
    private Replica start(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "replicas"));
        Path logFile = dir.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "io.handoff.HandoffApplication",
                "--server.port=0",
                "--spring.main.sources=io.handoff.testing.ReplicaPlatformSender",
                "--handoff.test.platform-url=" + platform.baseUrl() + "/send",
                "--handoff.test.replica=" + name,
                "--handoff.playground.enabled=false",
                "--handoff.scheduler.threads=" + THREADS,
                "--handoff.scheduler.prefetch=" + PREFETCH,
                "--handoff.scheduler.poll-interval=100ms",
                "--handoff.scheduler.lease=" + LEASE.toSeconds() + "s",
                "--handoff.scheduler.shutdown-timeout=10s")
                .redirectErrorStream(true).redirectOutput(logFile.toFile());
        builder.environment().put("REDIS_URL", redisUri.toString());
        builder.environment().put("HANDOFF_DEMO_MODE", "never");
        builder.environment().put("HANDOFF_PLAYGROUND", "false");
        builder.environment().put("HANDOFF_DATA_DIR", dir.resolve(name + "-data").toString());
        return new Replica(name, builder.start(), logFile);
    }

    private void awaitReady(Replica replica) throws Exception {
        int[] port = {0};
        await(Duration.ofSeconds(180), () -> {
            assertThat(replica.process().isAlive()).as(replica.name() + " exited; see " + replica.logFile()).isTrue();
            port[0] = startedOn(replica.logFile());
            return port[0] > 0;
        });
        URI readiness = URI.create("http://127.0.0.1:" + port[0] + "/actuator/health/readiness");
        await(Duration.ofSeconds(180), () -> {
            assertThat(replica.process().isAlive()).as(replica.name() + " exited; see " + replica.logFile()).isTrue();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(readiness)
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && response.body().contains("\"UP\"");
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    private static final Pattern STARTED_ON = Pattern.compile("Tomcat started on port (\\d+)");

    /** The port the instance's log says its web server started on, or 0 while it has not. */
    private static int startedOn(Path logFile) {
        try {
            Matcher started = STARTED_ON.matcher(Files.readString(logFile));
            return started.find() ? Integer.parseInt(started.group(1)) : 0;
        } catch (IOException notYet) {
            return 0;
        }
    }

    private static void await(Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
