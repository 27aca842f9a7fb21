package io.handoff.scheduler;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.handoff.graph.GraphStore;
import io.handoff.graph.TenantId;

/**
 * Keeps a recurring job (the daily empathy tick, the weekly report digest…) scheduled for every tenant, including
 * tenants installed while the app runs: at start and then every {@code every}. {@code scheduleNext} must be
 * idempotent ({@link Scheduler#scheduleIfAbsent}), so every replica may run a starter.
 */
public final class TenantJobStarter implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(TenantJobStarter.class);

    private final String name;
    private final Consumer<TenantId> scheduleNext;
    private final GraphStore graph;
    private final Duration every;
    private ScheduledExecutorService timer;

    public TenantJobStarter(String name, Consumer<TenantId> scheduleNext, GraphStore graph, Duration every) {
        this.name = Objects.requireNonNull(name);
        this.scheduleNext = Objects.requireNonNull(scheduleNext);
        this.graph = Objects.requireNonNull(graph);
        this.every = Objects.requireNonNull(every);
    }

    /** Schedules the next job of every tenant now (idempotent). */
    public void scheduleAll() {
        for (TenantId tenant : graph.tenants()) {
            scheduleNext.accept(tenant);
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name + "-starter");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                scheduleAll();
            } catch (RuntimeException e) {
                log.warn("Could not schedule the {} jobs; trying again in {}", name, every, e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
