package io.handoff.scheduler;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.handoff.graph.TenantId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gauge {@code handoff.scheduler.jobs} tagged {@code state}: {@code due} (time has come, no worker holds them:
 * the backlog, mostly outgoing messages), {@code waiting} (all queued jobs, including those due later), {@code leased}
 * and {@code dead} (given up: the dead letters), summed over tenants. The counts are read in the background every
 * {@code every} (one pipelined round trip per tenant), never on a scrape, so a slow Redis cannot stall Prometheus;
 * a failed read keeps the last counts and is logged.
 */
public final class QueueMetrics implements SmartLifecycle {
    public static final String NAME = "handoff.scheduler.jobs";
    private static final Logger log = LoggerFactory.getLogger(QueueMetrics.class);

    private final Scheduler scheduler;
    private final Supplier<? extends Collection<TenantId>> tenants;
    private final Duration every;
    private final AtomicReference<QueueCounts> counts = new AtomicReference<>(QueueCounts.EMPTY);
    private ScheduledExecutorService refresher;

    public QueueMetrics(Scheduler scheduler, Supplier<? extends Collection<TenantId>> tenants, Duration every,
                        MeterRegistry meters) {
        this.scheduler = scheduler;
        this.tenants = tenants;
        this.every = every;
        gauge(meters, "due", () -> counts.get().due());
        gauge(meters, "waiting", () -> counts.get().waiting());
        gauge(meters, "leased", () -> counts.get().leased());
        gauge(meters, "dead", () -> counts.get().dead());
    }

    private static void gauge(MeterRegistry meters, String state, Supplier<Number> value) {
        Gauge.builder(NAME, value).description("jobs in the durable queue, summed over tenants")
                .tag("state", state).register(meters);
    }

    /** Reads every tenant's queue now. */
    public QueueCounts refresh() {
        QueueCounts total = QueueCounts.EMPTY;
        for (TenantId tenant : tenants.get()) {
            total = total.plus(scheduler.counts(tenant, scheduler.clock().instant()));
        }
        counts.set(total);
        return total;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Could not count the job queue: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (refresher == null) {
            refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "handoff-queue-metrics");
                thread.setDaemon(true);
                return thread;
            });
            refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return refresher != null;
    }
}
