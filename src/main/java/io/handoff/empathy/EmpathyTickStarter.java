package io.handoff.empathy;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.handoff.graph.GraphStore;
import io.handoff.graph.TenantId;

/** Keeps every tenant's next daily empathy tick scheduled, including tenants installed while the app runs. */
public final class EmpathyTickStarter implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EmpathyTickStarter.class);

    private final EmpathyTick tick;
    private final GraphStore graph;
    private final Duration every;
    private ScheduledExecutorService timer;

    public EmpathyTickStarter(EmpathyTick tick, GraphStore graph, Duration every) {
        this.tick = tick;
        this.graph = graph;
        this.every = every;
    }

    /** Schedules the next tick of every tenant now (idempotent). */
    public void scheduleAll() {
        for (TenantId tenant : graph.tenants()) {
            tick.scheduleNext(tenant);
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "empathy-tick-starter");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                scheduleAll();
            } catch (RuntimeException e) {
                log.warn("Could not schedule the empathy ticks; trying again in {}", every, e);
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
