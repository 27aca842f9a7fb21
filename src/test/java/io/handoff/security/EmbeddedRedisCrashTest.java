package io.handoff.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.testing.RedisServerProcess;
import redis.clients.jedis.UnifiedJedis;

/**
 * Attack family "the embedded redis-server dies" (issue 14, finding 4): {@code kill -9} of the server the app started
 * must not leave the app failing for ever with liveness UP. The supervisor restarts it on the same port and data
 * folder, readiness is down meanwhile, every write Redis acknowledged is still there afterwards, the app's shared
 * client works again; restarts that keep failing turn liveness BROKEN so that the platform restarts the app.
 */
@SpringBootTest(properties = {
        "handoff.redis.url=",
        "handoff.demo.mode=never",
        "handoff.scheduler.enabled=false",
        "handoff.embedded-redis.restart-attempts=3",
        "handoff.embedded-redis.restart-backoff=1s",
        "handoff.embedded-redis.max-restart-backoff=2s",
        "handoff.embedded-redis.stable-after=4s"})
class EmbeddedRedisCrashTest {
    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("handoff-crash");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("handoff.data-dir", DATA::toString);
    }

    @Autowired
    UnifiedJedis redis;
    @Autowired
    ApplicationAvailability availability;
    @Autowired
    AvailabilityEvents events;

    @AfterEach
    void recovered() {
        RedisServerProcess.await("the embedded redis-server back and stable after the test", GENEROUS,
                () -> "PONG".equals(redis.ping()) && availability.getLivenessState() == LivenessState.CORRECT
                        && availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void killNineMidTrafficRestartsTheServerAndLosesNoAcknowledgedWrite() throws Exception {
        assertThat(redis.configGet("appendfsync")).containsEntry("appendfsync", "always");
        long pid = serverPid();
        String port = redis.configGet("port").get("port");
        String key = "crash:" + UUID.randomUUID();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (long i = 0; writing.get(); i++) {
                String value = Long.toString(i);
                try {
                    redis.rpush(key, value);
                    acknowledged.add(value);
                } catch (RuntimeException serverAway) {
                    refused.incrementAndGet();
                    pause(20);
                }
            }
        }, "crash-test-writer");
        events.clear();
        writer.start();
        try {
            RedisServerProcess.await("200 acknowledged writes", GENEROUS, () -> acknowledged.size() >= 200);

            ProcessHandle.of(pid).orElseThrow().destroyForcibly();

            RedisServerProcess.await("readiness to refuse traffic, then accept it again", GENEROUS,
                    () -> events.readiness().containsAll(
                            List.of(ReadinessState.REFUSING_TRAFFIC, ReadinessState.ACCEPTING_TRAFFIC)));
            int afterRestart = acknowledged.size();
            RedisServerProcess.await("200 more acknowledged writes through the same client", GENEROUS,
                    () -> acknowledged.size() >= afterRestart + 200);
        } finally {
            writing.set(false);
            writer.join(GENEROUS.toMillis());
        }

        assertThat(events.readiness()).containsSubsequence(ReadinessState.REFUSING_TRAFFIC,
                ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
        assertThat(ProcessHandle.of(pid)).as("the killed server").isEmpty();
        assertThat(serverPid()).as("a new redis-server").isNotEqualTo(pid);
        assertThat(redis.configGet("port")).as("on the same port").containsEntry("port", port);
        assertThat(Path.of(redis.configGet("dir").get("dir"))).as("and data folder")
                .isEqualTo(DATA.toRealPath());
        assertThat(refused.get()).as("writes failed while the server was away").isPositive();
        Set<String> stored = Set.copyOf(redis.lrange(key, 0, -1));
        List<String> lost = acknowledged.stream().filter(value -> !stored.contains(value)).collect(Collectors.toList());
        assertThat(lost).as("acknowledged writes missing after the restart (of %d)", acknowledged.size()).isEmpty();
    }

    @Test
    void restartsThatKeepFailingTurnLivenessBrokenAndARecoveryTurnsItBack() throws Exception {
        long pid = serverPid();
        int port = Integer.parseInt(redis.configGet("port").get("port"));
        events.clear();

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        // another program takes the port before the first restart (1 s later): redis-server cannot bind it
        try (ServerSocket squatter = bindWhenFree(port)) {
            RedisServerProcess.await("liveness BROKEN after 3 failed restarts", GENEROUS,
                    () -> availability.getLivenessState() == LivenessState.BROKEN);
            assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
            assertThat(events.liveness()).containsExactly(LivenessState.BROKEN);
        }

        RedisServerProcess.await("liveness CORRECT once the port is free and a restart works", GENEROUS,
                () -> availability.getLivenessState() == LivenessState.CORRECT
                        && availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC);
        assertThat(redis.ping()).isEqualTo("PONG");
        assertThat(serverPid()).isNotEqualTo(pid);
    }

    @Test
    void aServerThatKeepsDyingRightAfterItsRestartTurnsLivenessBrokenUntilOneStaysUp() throws Exception {
        events.clear();
        // kill every server within a second of it answering: each restart "works", and each dies long before the
        // 4 s it needs to count as stable, so the supervisor must see a crash loop, not a string of recoveries
        long killed = serverPid();
        ProcessHandle.of(killed).orElseThrow().destroyForcibly();
        for (int kills = 1; availability.getLivenessState() != LivenessState.BROKEN; kills++) {
            assertThat(kills).as("kills before liveness turned BROKEN").isLessThanOrEqualTo(5);
            long previous = killed;
            RedisServerProcess.await("a restarted redis-server", GENEROUS, () -> pidIfUp().filter(pid -> pid != previous).isPresent());
            killed = pidIfUp().orElseThrow();
            ProcessHandle.of(killed).ifPresent(ProcessHandle::destroyForcibly);
            pause(300);
        }
        assertThat(events.liveness()).containsExactly(LivenessState.BROKEN);

        RedisServerProcess.await("liveness CORRECT once a restarted server stayed up", GENEROUS,
                () -> availability.getLivenessState() == LivenessState.CORRECT);
        assertThat(events.liveness()).containsExactly(LivenessState.BROKEN, LivenessState.CORRECT);
        assertThat(redis.ping()).isEqualTo("PONG");
    }

    private java.util.Optional<Long> pidIfUp() {
        try {
            return java.util.Optional.of(serverPid());
        } catch (RuntimeException down) {
            return java.util.Optional.empty();
        }
    }

    private long serverPid() {
        return redis.info("server").lines().filter(line -> line.startsWith("process_id:"))
                .map(line -> Long.parseLong(line.substring("process_id:".length()).strip())).findFirst().orElseThrow();
    }

    private static ServerSocket bindWhenFree(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try {
                return new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            } catch (IOException stillBound) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("port " + port + " not free after the kill", stillBound);
                }
                pause(5);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every availability change the app published, in order. */
    static final class AvailabilityEvents {
        private final List<AvailabilityState> states = new CopyOnWriteArrayList<>();

        @EventListener
        public void on(AvailabilityChangeEvent<?> event) {
            states.add(event.getState());
        }

        void clear() {
            states.clear();
        }

        List<ReadinessState> readiness() {
            return states.stream().filter(ReadinessState.class::isInstance).map(ReadinessState.class::cast).toList();
        }

        List<LivenessState> liveness() {
            return states.stream().filter(LivenessState.class::isInstance).map(LivenessState.class::cast).toList();
        }
    }

    @TestConfiguration
    static class RecordEvents {
        @Bean
        AvailabilityEvents availabilityEvents() {
            return new AvailabilityEvents();
        }
    }
}
