package io.handoff.config;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * One run of the embedded redis-server: started from its config file, ready once it answers PING (the append-only
 * file replayed), its output read line by line (a full pipe would block the server) and kept at DEBUG.
 */
final class EmbeddedRedisProcess {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisProcess.class);
    private static final int KEPT_LINES = 15;
    /** A redis-server log line at warning level: {@code pid:role date time # text}. */
    private static final Pattern WARNING = Pattern.compile("^\\d+:[A-Z] .*? # (.*)$");

    private final Process process;
    private final int port;
    private final ArrayDeque<String> lastLines = new ArrayDeque<>();
    private final Thread reader;

    private EmbeddedRedisProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.reader = new Thread(this::readOutput, "embedded-redis-output-" + process.pid());
        this.reader.setDaemon(true);
    }

    /** Starts the server and waits until it answers PING; on failure it is stopped and the exception says why. */
    static EmbeddedRedisProcess launch(File binary, Path configFile, Path folder, int port, Duration startTimeout)
            throws IOException {
        Process process = new ProcessBuilder(binary.getAbsolutePath(), configFile.toString())
                .directory(folder.toFile()).redirectErrorStream(true).start();
        EmbeddedRedisProcess server = new EmbeddedRedisProcess(process, port);
        server.reader.start();
        try {
            server.awaitReady(startTimeout);
            return server;
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** SIGTERM (redis-server flushes its append-only file and removes its pid file), SIGKILL after the timeout. */
    void stop(Duration timeout) {
        terminate(process.toHandle(), timeout, "embedded redis-server");
    }

    /**
     * Stops a redis-server: SIGTERM, so it fsyncs its append-only file and exits; SIGKILL (with a WARN line naming
     * {@code what}) if it is still running after {@code timeout}. Returns whether it is gone. {@link ProcessHandle}
     * checks the start time, so a pid reused meanwhile is never signalled.
     */
    static boolean terminate(ProcessHandle process, Duration timeout, String what) {
        process.destroy();
        if (exited(process, timeout)) {
            return true;
        }
        log.atWarn().addKeyValue("redis.pid", process.pid())
                .log("The {} (pid {}) did not stop within {} of SIGTERM; killing it", what, process.pid(), timeout);
        process.destroyForcibly();
        return exited(process, timeout);
    }

    private static boolean exited(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException stillRunning) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /**
     * Why the server stopped, for a one-line failure message: its last warnings (log lines marked {@code #}, without
     * the start banner), else its last line of output.
     */
    synchronized String lastOutput() {
        List<String> warnings = lastLines.stream().map(WARNING::matcher).filter(Matcher::matches)
                .map(matcher -> matcher.group(1).strip())
                .filter(text -> !text.contains("oO0OoO0OoO0Oo") && !text.startsWith("Redis version=")
                        && !text.equals("Configuration loaded"))
                .toList();
        if (!warnings.isEmpty()) {
            return String.join("; ", warnings.subList(Math.max(0, warnings.size() - 2), warnings.size()));
        }
        return lastLines.isEmpty() ? "no output" : lastLines.getLast();
    }

    private void awaitReady(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                awaitOutputCopied();
                throw new IOException("redis-server exited with code " + process.exitValue() + ": " + lastOutput());
            }
            if (answersPing()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for redis-server to start", e);
            }
        }
        throw new IOException("redis-server did not answer PING within " + timeout + ": " + lastOutput());
    }

    private boolean answersPing() {
        try (Jedis jedis = probe(port)) {
            return "PONG".equals(jedis.ping());
        } catch (JedisException notYet) {
            // refused while starting, or LOADING while the append-only file is replayed
            return false;
        }
    }

    /** A plain connection for a quick question to a local server (close it). */
    static Jedis probe(int port) {
        return new Jedis("127.0.0.1", port, DefaultJedisClientConfig.builder().timeoutMillis(1000)
                .autoNegotiateProtocol(false).build());
    }

    private void awaitOutputCopied() throws IOException {
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading redis-server's output", e);
        }
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                keep(line);
                log.debug("redis-server {}: {}", process.pid(), line);
            }
        } catch (IOException closed) {
            // the process is gone
        }
    }

    private synchronized void keep(String line) {
        if (lastLines.size() == KEPT_LINES) {
            lastLines.removeFirst();
        }
        lastLines.addLast(line.strip());
    }
}
