package io.handoff.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * One redis-server (or sentinel) process from the PATH, bound to loopback, for the Redis topology tests. Logs go to
 * {@code redis.log} in its own directory; {@link #kill()} is SIGKILL (a crash), {@link #close()} a normal stop.
 */
public final class RedisServerProcess implements AutoCloseable {
    private final String name;
    private final int port;
    private final Path dir;
    private final Process process;

    private RedisServerProcess(String name, int port, Path dir, Process process) {
        this.name = name;
        this.port = port;
        this.dir = dir;
        this.process = process;
    }

    /** Starts {@code redis-server [configFile] --port … --bind 127.0.0.1 …extra} and waits until it answers PING. */
    public static RedisServerProcess start(String name, int port, Path dir, Path configFile, List<String> extra) {
        List<String> command = new ArrayList<>();
        command.add("redis-server");
        if (configFile != null) {
            command.add(configFile.toString());
        }
        command.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
                "--save", "", "--appendonly", "no", "--logfile", ""));
        command.addAll(extra);
        try {
            Files.createDirectories(dir);
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile()).start();
            RedisServerProcess server = new RedisServerProcess(name, port, dir, process);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            server.awaitUntil("answers PING", Duration.ofSeconds(10), server::answersPing);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server from the PATH (apt-get install redis-server): "
                    + e.getMessage(), e);
        }
    }

    public HostAndPort hostAndPort() {
        return new HostAndPort("127.0.0.1", port);
    }

    public int port() {
        return port;
    }

    public Path dir() {
        return dir;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** A new plain connection to this one process (close it). */
    public Jedis connect() {
        return new Jedis(hostAndPort());
    }

    /** The connection with AUTH, for servers started with --requirepass. */
    public Jedis connect(String password) {
        Jedis jedis = connect();
        jedis.auth(password);
        return jedis;
    }

    private boolean answersPing() {
        if (!process.isAlive()) {
            throw new ProcessExitedException(name + " exited with " + process.exitValue() + "; see " + log());
        }
        try (Jedis jedis = connect()) {
            jedis.ping();
            return true;
        } catch (RuntimeException notYet) {
            // NOAUTH also proves it is up.
            return notYet.getMessage() != null && notYet.getMessage().contains("NOAUTH");
        }
    }

    /** Polls {@code condition} every 50 ms until it holds, or fails after {@code timeout} naming {@code what}. */
    public void awaitUntil(String what, Duration timeout, BooleanSupplier condition) {
        await(name + " " + what + " (log: " + log() + ")", timeout, condition);
    }

    /** Polls {@code condition} every 50 ms until it holds; exceptions count as "not yet". */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (ProcessExitedException fatal) {
                throw fatal;
            } catch (RuntimeException notYet) {
                last = notYet;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("timed out after " + timeout.toMillis() + " ms waiting until " + what, last);
    }

    public Path log() {
        return dir.resolve("redis.log");
    }

    /** SIGKILL, as a crash or a lost node would look: no shutdown save, no goodbye to replicas or sentinels. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + "@" + port;
    }

    /** The process being waited for is gone: waiting longer cannot help. */
    public static final class ProcessExitedException extends IllegalStateException {
        ProcessExitedException(String message) {
            super(message);
        }
    }

    /** {@code count} distinct free loopback ports (held open together while chosen, so none repeats). */
    public static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is free again either way
                }
            }
        }
    }

    /** Deletes a directory tree the processes left (logs, nodes.conf, sentinel.conf). */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            });
        } catch (IOException ignored) {
            // same
        }
    }
}
