package io.handoff.scheduler;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.handoff.graph.TenantId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Runs due jobs on this replica: a poller claims as many jobs as there are free threads (plus a small prefetch) from
 * every tenant, and a fixed pool runs them through the {@link JobHandler} of their type. Any number of replicas may
 * run a worker on the same Redis: the claim script hands each due job to one of them. While its jobs wait or run,
 * the worker renews their leases every third of the lease ({@link Scheduler#renew}), so a handler that runs longer
 * than the lease is not taken over and run a second time by another replica; a lease found lost (this replica
 * stalled past it) is logged and the run's result dropped, since only the lease holder may finish a job. A replica
 * that dies stops renewing, so its jobs run again once their leases expire. On stop the worker stops claiming,
 * hands back the jobs it claimed but had not started, and waits for the running ones (still renewing their leases).
 *
 * <p>Metrics: {@code handoff.scheduler.lag} (from a job's due time to its claim), {@code
 * handoff.scheduler.leases.renewed} (leases extended), {@code handoff.scheduler.leases.lost}
 * tagged {@code detected} = {@code renewal} (a renewal found the lease gone) or {@code finish} (finishing the run
 * found it gone); neither names a tenant or a job.
 *
 * <p>Why it is over 350 lines: polling, running and lease renewal share one lifecycle and one set of in-flight jobs
 * (the held and lost claims, the in-flight count) that the three executors read and update; the job queue's Redis
 * side is {@link Scheduler} and its Lua scripts.
 */
public class SchedulerWorker implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SchedulerWorker.class);
    /** Timer: from a job's due time to this worker claiming it (the scheduler's lag). */
    public static final String LAG = "handoff.scheduler.lag";

    private final Scheduler scheduler;
    private final Map<String, JobHandler> handlers = new HashMap<>();
    private final SchedulerProperties settings;
    private final Supplier<? extends Collection<TenantId>> tenants;
    private final Backoff backoff;
    private final String workerId;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean pollRequested = new AtomicBoolean();
    /** Jobs claimed and not yet finished or handed back: their leases are renewed. (A token is unique per job only.) */
    private final Set<ClaimedJob> held = ConcurrentHashMap.newKeySet();
    /** Claims whose lease a renewal found lost: their runs are not finished. */
    private final Set<ClaimedJob> lost = ConcurrentHashMap.newKeySet();
    private final AtomicLong lostLeases = new AtomicLong();
    private final AtomicLong renewals = new AtomicLong();
    private final Counter leasesRenewed;
    private final Counter leasesLostOnRenewal;
    private final Counter leasesLostOnFinish;
    private final Timer lag;
    private final JobTracing tracing;
    private volatile boolean running;
    private ScheduledExecutorService poller;
    private ScheduledExecutorService renewer;
    private ThreadPoolExecutor pool;

    /**
     * @param tenants the tenants whose jobs this worker runs (the application passes the installed tenants that have
     *                jobs)
     */
    public SchedulerWorker(Scheduler scheduler, List<JobHandler> handlers, SchedulerProperties settings,
                           Supplier<? extends Collection<TenantId>> tenants) {
        this(scheduler, handlers, settings, tenants, new SimpleMeterRegistry());
    }

    /** As above, with the lease counters registered in {@code meters}. */
    public SchedulerWorker(Scheduler scheduler, List<JobHandler> handlers, SchedulerProperties settings,
                           Supplier<? extends Collection<TenantId>> tenants, MeterRegistry meters) {
        this(scheduler, handlers, settings, tenants, meters, JobTracing.none());
    }

    /** As above, every job run in a span ({@link JobTracing}): in its own trace, or the one its handler names. */
    public SchedulerWorker(Scheduler scheduler, List<JobHandler> handlers, SchedulerProperties settings,
                           Supplier<? extends Collection<TenantId>> tenants, MeterRegistry meters,
                           JobTracing tracing) {
        this.scheduler = scheduler;
        this.tracing = tracing;
        this.settings = settings;
        this.tenants = tenants;
        this.backoff = new Backoff(settings.retryBase(), settings.retryMax());
        this.workerId = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.leasesRenewed = Counter.builder("handoff.scheduler.leases.renewed")
                .description("job leases extended while their jobs waited or ran").register(meters);
        this.leasesLostOnRenewal = lostLeases(meters, "renewal");
        this.leasesLostOnFinish = lostLeases(meters, "finish");
        this.lag = Timer.builder(LAG).description("how late jobs were claimed after they fell due")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1)).register(meters);
        for (JobHandler handler : handlers) {
            JobHandler previous = this.handlers.put(handler.type(), handler);
            if (previous != null) {
                throw new IllegalStateException("two handlers for job type " + handler.type() + ": "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
    }

    private static Counter lostLeases(MeterRegistry meters, String detected) {
        return Counter.builder("handoff.scheduler.leases.lost")
                .description("job leases that expired and were taken over while this replica held the job")
                .tag("detected", detected).register(meters);
    }

    public String workerId() {
        return workerId;
    }

    /** Leases this worker found lost when renewing them since it started (each a run whose result was dropped). */
    public long lostLeases() {
        return lostLeases.get();
    }

    /** Lease renewal rounds run so far (each for at least one held job). */
    public long renewals() {
        return renewals.get();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), threads("handoff-job-"));
        poller = Executors.newSingleThreadScheduledExecutor(threads("handoff-job-poller-"));
        running = true;
        poller.scheduleWithFixedDelay(this::poll, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        renewer = Executors.newSingleThreadScheduledExecutor(threads("handoff-job-lease-"));
        long renewEvery = settings.renewInterval().toMillis();
        renewer.scheduleWithFixedDelay(this::renewLeases, renewEvery, renewEvery, TimeUnit.MILLISECONDS);
        log.info("Job worker {} started: {} threads, handlers for {}", workerId, settings.threads(), handlers.keySet());
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        poller.shutdown();
        awaitQuietly(poller, settings.shutdownTimeout().toMillis());
        List<Runnable> unstarted = new ArrayList<>();
        pool.getQueue().drainTo(unstarted);
        int released = 0;
        for (Runnable task : unstarted) {
            if (task instanceof Run run) {
                released += releaseQuietly(run.claimed) ? 1 : 0;
                forget(run.claimed);
                inFlight.decrementAndGet();
            }
        }
        pool.shutdown();
        boolean finished = awaitQuietly(pool, settings.shutdownTimeout().toMillis());
        renewer.shutdownNow();
        log.info("Job worker {} stopped: handed back {} unstarted jobs{}", workerId, released,
                finished ? "" : "; some jobs were still running (their leases will expire and they run again)");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Claims and starts every job due now, as far as there is room; repeats while batches come back full. */
    private void poll() {
        pollRequested.set(false);
        try {
            while (running && pollOnce()) {
                // more may be due right now
            }
        } catch (RuntimeException e) {
            log.warn("Job worker {} could not poll: {}", workerId, e.toString());
        }
    }

    private boolean pollOnce() {
        boolean full = false;
        for (TenantId tenant : tenants.get()) {
            int room = settings.threads() + settings.prefetch() - inFlight.get();
            if (!running || room <= 0) {
                return false;
            }
            List<ClaimedJob> claimed = scheduler.claim(tenant, workerId, room, settings.lease());
            full |= claimed.size() == room;
            Instant now = scheduler.clock().instant();
            for (ClaimedJob job : claimed) {
                lag.record(Duration.between(job.job().dueAt(), now).isNegative() ? Duration.ZERO
                        : Duration.between(job.job().dueAt(), now));
                inFlight.incrementAndGet();
                held.add(job);
                try {
                    pool.execute(new Run(job));
                } catch (RejectedExecutionException stopping) {
                    forget(job);
                    inFlight.decrementAndGet();
                    releaseQuietly(job);
                }
            }
        }
        return full;
    }

    /** Extends the leases of every job this worker holds; logs and marks the ones found lost. */
    private void renewLeases() {
        List<ClaimedJob> holding = List.copyOf(held);
        if (holding.isEmpty()) {
            return;
        }
        try {
            List<ClaimedJob> lostNow = scheduler.renew(holding, settings.lease());
            renewals.incrementAndGet();
            leasesRenewed.increment(holding.size() - lostNow.size());
            for (ClaimedJob job : lostNow) {
                // a job that finished while the renewal ran is no longer held: its lease was given up, not lost
                if (held.contains(job) && lost.add(job)) {
                    lostLeases.incrementAndGet();
                    leasesLostOnRenewal.increment();
                    log.warn("Job {} ({}) of tenant {} lost its lease {}: it expired and the job was re-queued or "
                                    + "taken over; this run's result will not be recorded", job.job().id(),
                            job.job().type(), job.job().tenant(), job.token());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Job worker {} could not renew the leases of {} jobs: {}", workerId, holding.size(), e.toString());
        }
    }

    private void forget(ClaimedJob job) {
        held.remove(job);
        lost.remove(job);
    }

    private void requestPoll() {
        if (running && pollRequested.compareAndSet(false, true)) {
            try {
                poller.execute(this::poll);
            } catch (RejectedExecutionException stopping) {
                pollRequested.set(false);
            }
        }
    }

    private final class Run implements Runnable {
        private final ClaimedJob claimed;

        Run(ClaimedJob claimed) {
            this.claimed = claimed;
        }

        @Override
        public void run() {
            try {
                if (lost.contains(claimed)) {
                    log.warn("Job {} of tenant {} lost its lease {} before it started; not run here",
                            claimed.job().id(), claimed.job().tenant(), claimed.token());
                    return;
                }
                JobResult result = execute(claimed.job());
                held.remove(claimed);
                if (lost.remove(claimed)) {
                    log.warn("Job {} of tenant {} finished after its lease {} was lost; its result {} is dropped "
                            + "(the job's current holder records its own)", claimed.job().id(),
                            claimed.job().tenant(), claimed.token(), result.getClass().getSimpleName());
                } else {
                    finish(claimed, result);
                }
            } catch (RuntimeException e) {
                log.warn("Job {} of tenant {} could not be finished: {}", claimed.job().id(), claimed.job().tenant(),
                        e.toString());
            } finally {
                forget(claimed);
                inFlight.decrementAndGet();
                requestPoll();
            }
        }
    }

    private JobResult execute(Job job) {
        JobHandler handler = handlers.get(job.type());
        if (handler == null) {
            return JobResult.failed("no handler for job type " + job.type() + " on this replica");
        }
        return tracing.run(job, traceParent(handler, job), () -> handle(handler, job));
    }

    private static Optional<String> traceParent(JobHandler handler, Job job) {
        try {
            return handler.traceParent(job);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static JobResult handle(JobHandler handler, Job job) {
        try {
            JobResult result = handler.handle(job);
            return result == null ? JobResult.done() : result;
        } catch (RuntimeException e) {
            log.warn("Job {} ({}) of tenant {} failed: {}", job.id(), job.type(), job.tenant(), e.toString());
            return JobResult.failed(e.toString());
        }
    }

    private void finish(ClaimedJob claimed, JobResult result) {
        Job job = claimed.job();
        boolean held;
        if (result instanceof JobResult.Done done) {
            held = scheduler.complete(claimed, done.note());
        } else if (result instanceof JobResult.RunAgainAt again) {
            held = scheduler.runAgainAt(claimed, again.at(), again.reason());
        } else if (result instanceof JobResult.RateLimited limited) {
            held = scheduler.rateLimited(claimed, limited.at(), limited.reason());
        } else {
            held = fail(claimed, (JobResult.Failed) result);
        }
        if (!held) {
            leasesLostOnFinish.increment();
            log.warn("Job {} of tenant {} outlived its lease and was taken over by another worker", job.id(),
                    job.tenant());
        }
    }

    private boolean fail(ClaimedJob claimed, JobResult.Failed failed) {
        Job job = claimed.job();
        JobHandler handler = handlers.get(job.type());
        int failures = job.failures() + 1;
        int max = handler == null ? 5 : handler.maxFailures();
        if (failed.permanent() || failures >= max) {
            boolean held = scheduler.fail(claimed, Optional.empty(), failed.error());
            if (held) {
                log.warn("Job {} ({}) of tenant {} went to the dead letters after {} failures: {}", job.id(),
                        job.type(), job.tenant(), failures, failed.error());
                if (handler != null) {
                    handler.deadLettered(job, failed.error());
                }
            }
            return held;
        }
        Instant now = scheduler.clock().instant();
        Instant retryAt = now.plus(failed.retryAfter() != null ? failed.retryAfter() : backoff.delay(failures));
        return scheduler.fail(claimed, Optional.of(retryAt), failed.error());
    }

    private boolean releaseQuietly(ClaimedJob claimed) {
        try {
            return scheduler.release(claimed);
        } catch (RuntimeException e) {
            log.warn("Could not hand back job {}; it runs again when its lease expires: {}", claimed.job().id(),
                    e.toString());
            return false;
        }
    }

    private static boolean awaitQuietly(java.util.concurrent.ExecutorService executor, long millis) {
        try {
            return executor.awaitTermination(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "replica";
        }
    }
}
