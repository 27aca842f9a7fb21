package io.handoff.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A redis-server left running on the data folder by a JVM that was killed ({@code kill -9}, OOM killer): found by the
 * pid file it wrote, and stopped before a new one starts on the same append-only file. Only a process that really is
 * a redis-server serving this folder is touched: on Linux its {@code /proc/<pid>/cmdline} names redis-server and its
 * working directory ({@code dir}) is the folder; elsewhere the server must answer on the port recorded in the config
 * file with that very pid and that folder. A pid reused by an unrelated process is left alone.
 */
final class OrphanedRedisServer {
    private static final Logger log = LoggerFactory.getLogger(OrphanedRedisServer.class);
    private static final Path PROC = Path.of("/proc");

    private OrphanedRedisServer() {
    }

    /** Stops the orphan named by the folder's pid file, if there is one: SIGTERM, then SIGKILL after the timeout. */
    static void stopIfRunning(Path folder, Duration stopTimeout) throws IOException {
        Path pidFile = folder.resolve(EmbeddedRedisConfig.PID_FILE);
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("Stale pid file {} (pid {} is not running): a redis-server stopped without removing it",
                    pidFile, pid.get());
            return;
        }
        if (!servesFolder(process.get(), folder)) {
            log.atWarn().addKeyValue("pid", pid.get()).addKeyValue("pidFile", pidFile.toString())
                    .log("The pid file {} names pid {}, which is not a redis-server of this data folder; left alone",
                            pidFile, pid.get());
            return;
        }
        log.atWarn().addKeyValue("redis.pid", pid.get()).addKeyValue("dataDir", folder.toString())
                .log("An embedded redis-server (pid {}) from an earlier run that did not stop it is still running on "
                        + "{}; stopping it before starting a new one", pid.get(), folder);
        stop(process.get(), stopTimeout);
    }

    /** Whether {@code process} is a redis-server whose data folder is {@code folder}. */
    static boolean servesFolder(ProcessHandle process, Path folder) throws IOException {
        Path proc = PROC.resolve(Long.toString(process.pid()));
        if (Files.isDirectory(PROC.resolve("self"))) {
            try {
                String commandLine = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                        .replace('\0', ' ');
                Path workingDirectory = proc.resolve("cwd").toRealPath();
                return commandLine.contains("redis-server") && workingDirectory.equals(folder.toRealPath());
            } catch (IOException gone) {
                return false;
            }
        }
        return process.info().command().map(command -> command.contains("redis-server")).orElse(false)
                && answersAs(process.pid(), folder);
    }

    /** Without /proc: the server on the port of the folder's config file says it is this pid serving this folder. */
    private static boolean answersAs(long pid, Path folder) throws IOException {
        OptionalInt port = EmbeddedRedisConfig.recordedPort(folder);
        if (port.isEmpty()) {
            return false;
        }
        try (Jedis jedis = EmbeddedRedisProcess.probe(port.getAsInt())) {
            boolean samePid = jedis.info("server").lines().anyMatch(line -> line.strip().equals("process_id:" + pid));
            String dir = jedis.configGet("dir").get("dir");
            return samePid && dir != null && Path.of(dir).toRealPath().equals(folder.toRealPath());
        } catch (JedisException | IOException notThatServer) {
            return false;
        }
    }

    private static void stop(ProcessHandle process, Duration timeout) throws IOException {
        if (!EmbeddedRedisProcess.terminate(process, timeout, "orphaned redis-server")) {
            throw new IOException("could not stop the orphaned redis-server with pid " + process.pid());
        }
        log.info("Stopped the orphaned redis-server (pid {})", process.pid());
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        String text = Files.readString(pidFile, StandardCharsets.US_ASCII).strip();
        try {
            long pid = Long.parseLong(text);
            return pid > 1 ? Optional.of(pid) : Optional.empty();
        } catch (NumberFormatException e) {
            log.warn("Ignoring the pid file {}: it holds no pid", pidFile);
            return Optional.empty();
        }
    }
}
