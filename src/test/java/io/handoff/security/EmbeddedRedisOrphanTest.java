package io.handoff.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.handoff.config.DataFolderInUseException;
import io.handoff.config.DataFolderInUseFailureAnalyzer;
import io.handoff.config.EmbeddedRedis;
import io.handoff.config.EmbeddedRedisListener;
import io.handoff.config.EmbeddedRedisSettings;
import io.handoff.testing.RedisServerProcess;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;

/**
 * Attack family "two redis-servers on one data folder" (issue 14, finding 5): {@code kill -9} of the JVM leaves its
 * embedded redis-server running; the next start must stop that orphan (and only it, found by its pid file) before it
 * starts a new one on the same append-only file, and a second app on a folder in use must be refused. Linux only: the
 * test finds the servers of a folder through {@code /proc}, as the orphan check does.
 */
@EnabledOnOs(OS.LINUX)
class EmbeddedRedisOrphanTest {
    private static final Duration GENEROUS = Duration.ofSeconds(90);
    private static final EmbeddedRedisSettings SETTINGS = EmbeddedRedisSettings.defaults();

    @TempDir
    Path temp;

    @Test
    void theNextStartStopsTheServerOrphanedByAKilledJvmAndKeepsItsData() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("data")).toRealPath();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedRedisChild.class.getName(), folder.toString())
                .redirectErrorStream(true).start();
        long orphanPid;
        int orphanPort;
        try {
            String[] ready = awaitReadyLine(child).split(" ");
            orphanPort = Integer.parseInt(ready[1]);
            orphanPid = Long.parseLong(ready[2]);

            assertThatThrownBy(() -> EmbeddedRedis.start(folder, SETTINGS, EmbeddedRedisListener.NONE).close())
                    .as("a second app while the first runs")
                    .isInstanceOf(DataFolderInUseException.class)
                    .hasMessageContaining(folder.toString()).hasMessageContaining("HANDOFF_DATA_DIR");
        } finally {
            child.destroyForcibly(); // kill -9 of the JVM
            child.waitFor(60, TimeUnit.SECONDS);
        }
        assertThat(child.isAlive()).isFalse();
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("the orphan runs on").contains(true);
        try (Jedis orphan = new Jedis("127.0.0.1", orphanPort)) {
            assertThat(orphan.ping()).isEqualTo("PONG");
        }
        assertThat(redisServersServing(folder)).containsExactly(orphanPid);

        try (EmbeddedRedis next = EmbeddedRedis.start(folder, SETTINGS, EmbeddedRedisListener.NONE);
             RedisClient client = RedisClient.create(next.url())) {
            assertThat(ProcessHandle.of(orphanPid)).as("the orphan is gone").isEmpty();
            assertThat(redisServersServing(folder)).as("exactly one redis-server on the folder")
                    .containsExactly(next.pid());
            assertThat(client.get("before-the-kill")).as("data written before the kill")
                    .isEqualTo(folder.getFileName().toString());
            assertThat(Files.readString(folder.resolve("redis.pid")).strip()).isEqualTo(Long.toString(next.pid()));
        } finally {
            ProcessHandle.of(orphanPid).ifPresent(ProcessHandle::destroyForcibly); // only if the test failed
        }
        assertThat(redisServersServing(folder)).as("none after a normal stop").isEmpty();
    }

    @Test
    void aSecondStartOnAFolderInUseIsRefusedAndTheFirstServerRunsOn() throws Exception {
        Path folder = temp.resolve("shared");
        try (EmbeddedRedis first = EmbeddedRedis.start(folder, SETTINGS, EmbeddedRedisListener.NONE)) {
            Throwable refused = catchThrowable(
                    () -> EmbeddedRedis.start(folder, SETTINGS, EmbeddedRedisListener.NONE).close());
            assertThat(refused).isInstanceOf(DataFolderInUseException.class)
                    .hasMessageContaining(folder.toAbsolutePath().normalize().toString())
                    .hasMessageContaining("HANDOFF_DATA_DIR");
            FailureAnalysis report = new DataFolderInUseFailureAnalyzer()
                    .analyze(new IllegalStateException("bean creation failed", refused));
            assertThat(report.getDescription()).contains(folder.toAbsolutePath().normalize().toString());
            assertThat(report.getAction()).contains("HANDOFF_DATA_DIR").contains("REDIS_URL");
            assertThat(redisServersServing(folder.toRealPath())).containsExactly(first.pid());
            try (RedisClient client = RedisClient.create(first.url())) {
                assertThat(client.ping()).isEqualTo("PONG");
            }
        }
        try (EmbeddedRedis again = EmbeddedRedis.start(folder, SETTINGS, EmbeddedRedisListener.NONE)) {
            assertThat(redisServersServing(folder.toRealPath())).as("the lock is released by close")
                    .containsExactly(again.pid());
        }
    }

    @Test
    void aPidFileNamingAnUnrelatedProcessLeavesThatProcessAlone() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("stale"));
        Process sleeper = new ProcessBuilder("sleep", "600").start();
        try {
            Files.writeString(folder.resolve("redis.pid"), sleeper.pid() + "\n");

            try (EmbeddedRedis redis = EmbeddedRedis.start(folder, SETTINGS, EmbeddedRedisListener.NONE)) {
                assertThat(sleeper.isAlive()).as("the unrelated process with the pid from the file").isTrue();
                assertThat(Files.readString(folder.resolve("redis.pid")).strip())
                        .isEqualTo(Long.toString(redis.pid()));
            }
            assertThat(sleeper.isAlive()).isTrue();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void aPidFileNamingARedisServerOfAnotherFolderLeavesThatServerAlone() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("mine"));
        try (RedisServerProcess other = RedisServerProcess.start("other", freePort(), temp.resolve("other"), null,
                List.of());
             Jedis otherClient = other.connect()) {
            String otherPid = otherClient.info("server").lines().filter(line -> line.startsWith("process_id:"))
                    .map(line -> line.substring("process_id:".length()).strip()).findFirst().orElseThrow();
            Files.writeString(folder.resolve("redis.pid"), otherPid + "\n");

            try (EmbeddedRedis redis = EmbeddedRedis.start(folder, SETTINGS, EmbeddedRedisListener.NONE)) {
                assertThat(other.isAlive()).as("the redis-server of another folder").isTrue();
                assertThat(otherClient.ping()).isEqualTo("PONG");
                assertThat(redis.pid()).isNotEqualTo(Long.parseLong(otherPid));
            }
        }
    }

    /** Pids of the live redis-servers whose working directory (redis-server's {@code dir}) is {@code folder}. */
    private static List<Long> redisServersServing(Path folder) throws IOException {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path proc : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String commandLine = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (commandLine.contains("redis-server") && proc.resolve("cwd").toRealPath().equals(folder)) {
                        pids.add(Long.parseLong(proc.getFileName().toString()));
                    }
                } catch (IOException goneOrZombie) {
                    // not a live process we can inspect
                }
            }
        }
        return pids;
    }

    private static String awaitReadyLine(Process child) throws Exception {
        CompletableFuture<String> ready = new CompletableFuture<>();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.startsWith("READY ")) {
                        ready.complete(line);
                    }
                }
            } catch (IOException closed) {
                // the child is gone
            }
            ready.completeExceptionally(new IllegalStateException("the child JVM ended without READY:\n" + output));
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return ready.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            synchronized (output) {
                throw new IllegalStateException("no READY from the child JVM within " + GENEROUS + ":\n" + output, e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
