package io.handoff.config;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the embedded redis-server and restarts it when it exits without being asked to: on the same port and data
 * folder, so the server replays its append-only file and the app's connection pool reconnects to the same address.
 * Restarts back off exponentially; a restarted server that dies before {@link EmbeddedRedisSettings#stableAfter()}
 * counts as a failed restart too, so a crash loop is caught like a server that cannot start. After
 * {@link EmbeddedRedisSettings#restartAttempts()} failures in a row the listener is told to give up (liveness BROKEN)
 * while restarts go on at the longest backoff; it hears {@code stable} once a server has stayed up long enough. Every
 * event is logged once, at WARN or ERROR, without a stack trace; all of this runs on one daemon thread.
 */
final class EmbeddedRedisSupervisor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisSupervisor.class);

    /** Starts one redis-server on the supervised port and folder. */
    @FunctionalInterface
    interface Launcher {
        EmbeddedRedisProcess launch() throws IOException;
    }

    private final Launcher launcher;
    private final EmbeddedRedisSettings settings;
    private final EmbeddedRedisListener listener;
    private final ScheduledExecutorService thread;
    private volatile EmbeddedRedisProcess current;
    private volatile boolean closed;
    private int failures;
    private int attemptOfCurrent;
    private Instant startedAt = Instant.now();
    private Instant downSince;

    EmbeddedRedisSupervisor(Launcher launcher, EmbeddedRedisSettings settings, EmbeddedRedisListener listener) {
        this.launcher = launcher;
        this.settings = settings;
        this.listener = listener;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "embedded-redis-supervisor");
            t.setDaemon(true);
            return t;
        });
    }

    /** Watches {@code server} from now on. */
    void watch(EmbeddedRedisProcess server) {
        current = server;
        server.onExit().thenRun(() -> onSupervisorThread(() -> exited(server)));
    }

    /** The server running now (a later one after a restart). */
    EmbeddedRedisProcess current() {
        return current;
    }

    private void exited(EmbeddedRedisProcess server) {
        if (closed || server != current) {
            return;
        }
        downSince = Instant.now();
        Duration lived = Duration.between(startedAt, downSince);
        int exitCode = server.onExit().join().exitValue();
        log.atWarn().addKeyValue("event", "embedded_redis_exited").addKeyValue("redis.pid", server.pid())
                .addKeyValue("redis.port", server.port()).addKeyValue("exitCode", exitCode)
                .log("The embedded redis-server (pid {}, port {}) exited with code {} without being stopped; "
                        + "readiness is down until it is restarted", server.pid(), server.port(), exitCode);
        tell(listener::down);
        if (lived.compareTo(settings.stableAfter()) < 0) {
            failed(attemptOfCurrent, "it exited " + lived.toMillis() + " ms after it started");
        } else {
            failures = 0;
            scheduleRestart(1);
        }
    }

    private void scheduleRestart(int attempt) {
        Duration wait = settings.backoffBefore(attempt);
        try {
            thread.schedule(() -> restart(attempt), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // closed meanwhile
        }
    }

    private void restart(int attempt) {
        if (closed) {
            return;
        }
        EmbeddedRedisProcess server;
        try {
            server = launcher.launch();
        } catch (IOException | RuntimeException e) {
            failed(attempt, e.getMessage());
            return;
        }
        if (closed) {
            server.stop(settings.stopTimeout());
            return;
        }
        long downMillis = Duration.between(downSince, Instant.now()).toMillis();
        log.atWarn().addKeyValue("event", "embedded_redis_restarted").addKeyValue("redis.pid", server.pid())
                .addKeyValue("redis.port", server.port()).addKeyValue("attempt", attempt)
                .addKeyValue("downMillis", downMillis)
                .log("Restarted the embedded redis-server (pid {}, port {}) after {} ms, attempt {}; its append-only "
                        + "file is replayed and readiness is up again", server.pid(), server.port(), downMillis, attempt);
        attemptOfCurrent = attempt;
        startedAt = Instant.now();
        watch(server);
        tell(listener::up);
        try {
            thread.schedule(() -> stableIfStillUp(server), settings.stableAfter().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // closed meanwhile
        }
    }

    private void stableIfStillUp(EmbeddedRedisProcess server) {
        if (closed || server != current || !server.isAlive()) {
            return;
        }
        failures = 0;
        attemptOfCurrent = 0;
        tell(listener::stable);
    }

    private void failed(int attempt, String reason) {
        failures++;
        Duration next = settings.backoffBefore(attempt + 1);
        if (failures == settings.restartAttempts()) {
            log.atError().addKeyValue("event", "embedded_redis_gave_up").addKeyValue("attempt", attempt)
                    .addKeyValue("reason", reason)
                    .log("Restarting the embedded redis-server failed {} times in a row ({}); liveness is BROKEN so "
                            + "that the app is restarted. Still retrying every {}", failures, reason, next);
        } else if (failures < settings.restartAttempts()) {
            log.atWarn().addKeyValue("event", "embedded_redis_restart_failed").addKeyValue("attempt", attempt)
                    .addKeyValue("reason", reason)
                    .log("Restart {} of the embedded redis-server failed ({}); next attempt in {}", attempt,
                            reason, next);
        } else {
            log.debug("Restart {} of the embedded redis-server failed ({}); next attempt in {}", attempt,
                    reason, next);
        }
        if (failures >= settings.restartAttempts()) {
            int failed = failures;
            tell(() -> listener.gaveUp(failed));
        }
        scheduleRestart(attempt + 1);
    }

    /** A failing listener must not stop the supervision. */
    private void tell(Runnable notification) {
        try {
            notification.run();
        } catch (RuntimeException e) {
            log.warn("The embedded Redis listener failed: {}", e.toString());
        }
    }

    private void onSupervisorThread(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException closing) {
            // closed meanwhile
        }
    }

    /** Stops watching and stops the server (SIGTERM, then SIGKILL after the stop timeout). */
    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
        try {
            thread.awaitTermination(settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        EmbeddedRedisProcess server = current;
        if (server != null && server.isAlive()) {
            server.stop(settings.stopTimeout());
        }
    }
}
