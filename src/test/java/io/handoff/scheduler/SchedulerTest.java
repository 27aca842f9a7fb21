package io.handoff.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.handoff.graph.TenantId;
import io.handoff.testing.MutableClock;
import io.handoff.testing.TestRedis;

/** The durable job queue against a real Redis: leases, exactly-once runs across workers, retries, graceful stop. */
class SchedulerTest {
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final MutableClock clock = new MutableClock(START);
    private final Scheduler scheduler = new Scheduler(TestRedis.client(), clock, Duration.ofDays(7));
    private final List<SchedulerWorker> workers = new ArrayList<>();

    @AfterEach
    void stopWorkers() {
        workers.forEach(SchedulerWorker::stop);
    }

    @Test
    void twoWorkersOnOneRedisRunEachOfAThousandJobsExactlyOnce() throws Exception {
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        JobHandler counting = handler("count", job -> {
            runs.computeIfAbsent(job.id(), id -> new AtomicInteger()).incrementAndGet();
            threads.add(Thread.currentThread().getName());
            return JobResult.done();
        });
        for (int i = 0; i < 1000; i++) {
            assertThat(scheduler.schedule(Job.of(tenant, "job-" + i, "count", "", START))).isEqualTo(ScheduleResult.CREATED);
        }

        startWorker(counting, 4, 4);
        startWorker(counting, 4, 4);
        await(() -> runs.size() == 1000 && scheduler.leased(tenant) == 0, Duration.ofSeconds(60));
        Thread.sleep(200);

        assertThat(runs).hasSize(1000);
        assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(scheduler.waiting(tenant)).isZero();
        assertThat(scheduler.leased(tenant)).isZero();
        assertThat(scheduler.job(tenant, "job-500").orElseThrow().state()).isEqualTo(JobState.DONE);
        assertThat(scheduler.job(tenant, "job-500").orElseThrow().runs()).isEqualTo(1);
    }

    @Test
    void aJobWhoseWorkerDiedRunsOnceMoreAfterItsLeaseExpires() throws Exception {
        scheduler.schedule(Job.of(tenant, "orphan", "count", "p", START));
        List<ClaimedJob> claimedByDeadWorker = scheduler.claim(tenant, "dead-worker", 10, Duration.ofMinutes(2));
        assertThat(claimedByDeadWorker).hasSize(1);
        assertThat(scheduler.claim(tenant, "other", 10, Duration.ofMinutes(2))).isEmpty();

        AtomicInteger runs = new AtomicInteger();
        startWorker(handler("count", job -> {
            runs.incrementAndGet();
            return JobResult.done();
        }), 2, 2);
        Thread.sleep(300);
        assertThat(runs.get()).as("still leased to the dead worker").isZero();

        clock.advance(Duration.ofMinutes(3));
        await(() -> runs.get() == 1, Duration.ofSeconds(10));
        Thread.sleep(300);

        assertThat(runs.get()).isEqualTo(1);
        assertThat(scheduler.complete(claimedByDeadWorker.get(0), "late")).as("stale token").isFalse();
        JobInfo info = scheduler.job(tenant, "orphan").orElseThrow();
        assertThat(info.state()).isEqualTo(JobState.DONE);
        assertThat(info.runs()).isEqualTo(2);
        assertThat(scheduler.leased(tenant)).isZero();
    }

    @Test
    void reapRequeuesExpiredLeasesWithoutClaiming() {
        scheduler.schedule(Job.of(tenant, "a", "t", "", START));
        scheduler.claim(tenant, "w1", 1, Duration.ofSeconds(30));

        assertThat(scheduler.reap(tenant)).isZero();
        clock.advance(Duration.ofSeconds(31));
        assertThat(scheduler.reap(tenant)).isEqualTo(1);

        assertThat(scheduler.job(tenant, "a").orElseThrow().state()).isEqualTo(JobState.DUE);
        assertThat(scheduler.leased(tenant)).isZero();
        assertThat(scheduler.claim(tenant, "w2", 5, Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void schedulingTheSameIdTwiceRunsItOnceWithTheLatestPayload() throws Exception {
        assertThat(scheduler.schedule(Job.of(tenant, "story:pat:w48", "story", "first", START.plusSeconds(60))))
                .isEqualTo(ScheduleResult.CREATED);
        assertThat(scheduler.schedule(Job.of(tenant, "story:pat:w48", "story", "second", START)))
                .isEqualTo(ScheduleResult.UPDATED);
        assertThat(scheduler.scheduleIfAbsent(Job.of(tenant, "story:pat:w48", "story", "third", START)))
                .isEqualTo(ScheduleResult.EXISTS);
        assertThat(scheduler.waiting(tenant)).isEqualTo(1);

        List<String> payloads = new CopyOnWriteArrayList<>();
        startWorker(handler("story", job -> {
            payloads.add(job.payload());
            return JobResult.done();
        }), 2, 2);
        await(() -> payloads.size() == 1 && scheduler.leased(tenant) == 0, Duration.ofSeconds(10));
        assertThat(scheduler.schedule(Job.of(tenant, "story:pat:w48", "story", "again", START)))
                .isEqualTo(ScheduleResult.DONE);
        Thread.sleep(300);

        assertThat(payloads).containsExactly("second");
    }

    @Test
    void gracefulStopHandsBackClaimedJobsThatHadNotStarted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        scheduler.schedule(Job.of(tenant, "first", "slow", "", START.minusSeconds(1)));
        for (String id : List.of("b", "c", "d")) {
            scheduler.schedule(Job.of(tenant, id, "slow", "", START));
        }
        SchedulerWorker worker = startWorker(handler("slow", job -> {
            ran.add(job.id());
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return JobResult.done();
        }), 1, 3);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        await(() -> scheduler.leased(tenant) == 4, Duration.ofSeconds(10));

        Thread stopper = new Thread(worker::stop);
        stopper.start();
        await(() -> scheduler.leased(tenant) == 1, Duration.ofSeconds(10));
        release.countDown();
        stopper.join(10_000);

        assertThat(ran).containsExactly("first");
        assertThat(scheduler.job(tenant, "first").orElseThrow().state()).isEqualTo(JobState.DONE);
        for (String id : List.of("b", "c", "d")) {
            JobInfo info = scheduler.job(tenant, id).orElseThrow();
            assertThat(info.state()).as(id).isEqualTo(JobState.DUE);
            assertThat(info.runs()).as(id).isZero();
        }
        assertThat(scheduler.leased(tenant)).isZero();
        assertThat(scheduler.claim(tenant, "next-replica", 10, Duration.ofMinutes(1))).hasSize(3);
    }

    @Test
    void failuresRetryWithBackoffThenGoToTheDeadLettersAndReplayRunsThemAgain() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger deadLettered = new AtomicInteger();
        JobHandler flaky = new JobHandler() {
            @Override
            public String type() {
                return "flaky";
            }

            @Override
            public JobResult handle(Job job) {
                if (attempts.incrementAndGet() <= 3) {
                    throw new IllegalStateException("boom " + attempts.get());
                }
                return JobResult.done();
            }

            @Override
            public int maxFailures() {
                return 3;
            }

            @Override
            public void deadLettered(Job job, String error) {
                deadLettered.incrementAndGet();
            }
        };
        scheduler.schedule(Job.of(tenant, "f", "flaky", "", START));
        startWorker(flaky, 1, 0);

        for (int failure = 1; failure <= 2; failure++) {
            int expected = failure;
            await(() -> attempts.get() == expected && scheduler.leased(tenant) == 0, Duration.ofSeconds(10));
            JobInfo info = scheduler.job(tenant, "f").orElseThrow();
            Duration delay = Duration.between(clock.instant(), info.job().dueAt());
            Duration ceiling = Duration.ofSeconds(30L << (failure - 1));
            assertThat(info.state()).isEqualTo(JobState.DUE);
            assertThat(info.job().failures()).isEqualTo(failure);
            assertThat(info.lastError()).contains("boom " + failure);
            assertThat(delay).isBetween(ceiling.dividedBy(2), ceiling);
            clock.advance(ceiling);
        }
        await(() -> deadLettered.get() == 1, Duration.ofSeconds(10));
        assertThat(scheduler.deadJobs(tenant, 10)).singleElement()
                .satisfies(dead -> assertThat(dead.job().failures()).isEqualTo(3))
                .satisfies(dead -> assertThat(dead.state()).isEqualTo(JobState.DEAD));
        assertThat(scheduler.schedule(Job.of(tenant, "f", "flaky", "", START))).isEqualTo(ScheduleResult.DEAD);

        assertThat(scheduler.replay(tenant, "f")).isTrue();
        await(() -> attempts.get() == 4 && scheduler.leased(tenant) == 0, Duration.ofSeconds(10));
        assertThat(scheduler.job(tenant, "f").orElseThrow().state()).isEqualTo(JobState.DONE);
        assertThat(scheduler.deadJobs(tenant, 10)).isEmpty();
        assertThat(scheduler.replay(tenant, "f")).isFalse();
    }

    @Test
    void aHandlerCanPutItsJobOffWithoutItCountingAsAFailure() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        scheduler.schedule(Job.of(tenant, "later", "quiet", "", START));
        startWorker(handler("quiet", job -> runs.incrementAndGet() == 1
                ? JobResult.runAgainAt(START.plus(Duration.ofHours(9)), "quiet hours") : JobResult.done()), 1, 0);

        await(() -> runs.get() == 1 && scheduler.leased(tenant) == 0, Duration.ofSeconds(10));
        JobInfo deferred = scheduler.job(tenant, "later").orElseThrow();
        assertThat(deferred.job().dueAt()).isEqualTo(START.plus(Duration.ofHours(9)));
        assertThat(deferred.job().failures()).isZero();
        assertThat(deferred.note()).isEqualTo("quiet hours");

        clock.advance(Duration.ofHours(9));
        await(() -> runs.get() == 2 && scheduler.leased(tenant) == 0, Duration.ofSeconds(10));
        assertThat(scheduler.job(tenant, "later").orElseThrow().state()).isEqualTo(JobState.DONE);
    }

    @Test
    void cancelRemovesAWaitingJob() {
        scheduler.schedule(Job.of(tenant, "x", "t", "", START.plusSeconds(10)));

        assertThat(scheduler.cancel(tenant, "x")).isTrue();
        assertThat(scheduler.job(tenant, "x")).isEmpty();
        assertThat(scheduler.cancel(tenant, "x")).isFalse();
        assertThat(scheduler.waiting(tenant)).isZero();
    }

    private SchedulerWorker startWorker(JobHandler handler, int threads, int prefetch) {
        SchedulerWorker worker = new SchedulerWorker(scheduler, List.of(handler),
                SchedulerProperties.defaults().withThreads(threads, prefetch).withPollInterval(Duration.ofMillis(20)),
                () -> List.of(tenant));
        workers.add(worker);
        worker.start();
        return worker;
    }

    private static JobHandler handler(String type, Function<Job, JobResult> body) {
        return new JobHandler() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public JobResult handle(Job job) {
                return body.apply(job);
            }
        };
    }

    static void await(Supplier<Boolean> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(10);
        }
    }
}
