package io.handoff.scheduler;

import static io.handoff.scheduler.SchedulerTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.handoff.graph.TenantId;
import io.handoff.testing.MutableClock;
import io.handoff.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import redis.clients.jedis.UnifiedJedis;

/**
 * Lease renewal against a real Redis: a long run keeps its job, a run whose lease was taken over finishes nothing, and
 * both show in the counters {@code handoff.scheduler.leases.renewed} and {@code handoff.scheduler.leases.lost}.
 */
class LeaseRenewalTest {
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private final UnifiedJedis redis = TestRedis.client();
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final SchedulerKeys keys = new SchedulerKeys(tenant);
    private final List<SchedulerWorker> workers = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopWorkers() {
        release.countDown();
        workers.forEach(SchedulerWorker::stop);
    }

    @Test
    void aHandlerThatRunsLongerThanItsLeaseRunsOnceWhileASecondWorkerPolls() throws Exception {
        Duration lease = Duration.ofMillis(1200);
        Scheduler scheduler = new Scheduler(redis, Clock.systemUTC(), Duration.ofDays(1));
        AtomicInteger runs = new AtomicInteger();
        JobHandler slow = handler(job -> {
            runs.incrementAndGet();
            awaitRelease();
            return JobResult.done("slow digest sent");
        });
        scheduler.schedule(Job.of(tenant, "digest", "slow", "", Instant.now()));

        SimpleMeterRegistry holderMeters = new SimpleMeterRegistry();
        SchedulerWorker holder = startWorker(scheduler, slow, lease, holderMeters);
        await(() -> runs.get() == 1, Duration.ofSeconds(10));
        double firstExpiry = leaseScore();
        SchedulerWorker second = startWorker(scheduler, slow, lease);
        Set<Double> scores = new ConcurrentSkipListSet<>();
        // keep the handler running until well past three of its original leases, watching the lease move on
        await(() -> {
            Double score = redis.zscore(keys.leased(), "digest");
            if (score != null) {
                scores.add(score);
            }
            return System.currentTimeMillis() > firstExpiry + 2 * lease.toMillis();
        }, Duration.ofSeconds(30));
        release.countDown();
        await(() -> scheduler.job(tenant, "digest").orElseThrow().state() == JobState.DONE, Duration.ofSeconds(10));
        Thread.sleep(lease.toMillis());

        JobInfo info = scheduler.job(tenant, "digest").orElseThrow();
        assertThat(runs.get()).as("handler runs").isEqualTo(1);
        assertThat(info.runs()).as("claims of the job").isEqualTo(1);
        assertThat(info.note()).isEqualTo("slow digest sent");
        assertThat(scores).as("lease expiries seen while it ran").hasSizeGreaterThanOrEqualTo(3);
        assertThat(scores.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                .isGreaterThan(firstExpiry + 2 * lease.toMillis());
        assertThat(holder.renewals()).isGreaterThanOrEqualTo(3);
        assertThat(holder.lostLeases()).isZero();
        assertThat(second.lostLeases()).isZero();
        // one job held through every renewal round: one lease renewed per round (the last round may have found it
        // finished meanwhile), none lost
        assertThat(holderMeters.get("handoff.scheduler.leases.renewed").counter().count())
                .isBetween(holder.renewals() - 1.0, (double) holder.renewals()).isGreaterThanOrEqualTo(3);
        assertThat(holderMeters.find("handoff.scheduler.leases.lost").counters())
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
        assertThat(scheduler.leased(tenant)).isZero();
    }

    @Test
    void aWorkerWhoseLeaseWasTakenOverDoesNotFinishTheOtherRun() throws Exception {
        Duration lease = Duration.ofSeconds(3);
        MutableClock clock = new MutableClock(START);
        Scheduler scheduler = new Scheduler(redis, clock, Duration.ofDays(1));
        AtomicInteger runs = new AtomicInteger();
        scheduler.schedule(Job.of(tenant, "digest", "slow", "payload", START));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        SchedulerWorker stalled = startWorker(scheduler, handler(job -> {
            runs.incrementAndGet();
            awaitRelease();
            return JobResult.done("from the stalled worker");
        }), lease, meters);
        await(() -> runs.get() == 1, Duration.ofSeconds(10));
        String stalledToken = redis.hget(keys.job("digest"), "owner");

        // the stalled worker's lease expires (its clock jumped) and another replica claims the job
        List<ClaimedJob> taken = List.of();
        while (taken.isEmpty()) {
            clock.advance(lease.plusSeconds(1));
            taken = scheduler.claim(tenant, "other-replica", 1, lease);
        }
        ClaimedJob otherRun = taken.get(0);
        await(() -> stalled.lostLeases() == 1, Duration.ofSeconds(10));
        release.countDown();
        stalled.stop(); // returns once its running job has finished
        assertThat(meters.get("handoff.scheduler.leases.lost").tag("detected", "renewal").counter().count())
                .isEqualTo(1.0);
        assertThat(meters.get("handoff.scheduler.leases.lost").tag("detected", "finish").counter().count())
                .as("the run's result was dropped, not tried").isZero();
        assertThat(meters.get("handoff.scheduler.leases.lost").counter().getId().getTags())
                .extracting(tag -> tag.getKey()).containsExactly("detected"); // nothing names a tenant or a job

        JobInfo meanwhile = scheduler.job(tenant, "digest").orElseThrow();
        assertThat(meanwhile.state()).as("still the other replica's run").isEqualTo(JobState.LEASED);
        assertThat(redis.hget(keys.job("digest"), "owner")).isEqualTo(otherRun.token()).isNotEqualTo(stalledToken);
        assertThat(meanwhile.note()).isEmpty();
        assertThat(meanwhile.runs()).isEqualTo(2);
        ClaimedJob stale = new ClaimedJob(otherRun.job(), stalledToken);
        assertThat(scheduler.complete(stale, "late")).as("a stale token finishes nothing").isFalse();
        assertThat(scheduler.renew(List.of(stale), lease)).as("nor renews").containsExactly(stale);

        assertThat(scheduler.complete(otherRun, "from the other replica")).isTrue();
        JobInfo done = scheduler.job(tenant, "digest").orElseThrow();
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.note()).isEqualTo("from the other replica");
    }

    @Test
    void aPrefetchedJobWhoseLeaseWasLostMeanwhileIsNotRunByTheWorkerThatLostIt() throws Exception {
        Duration lease = Duration.ofSeconds(3);
        MutableClock clock = new MutableClock(START);
        Scheduler scheduler = new Scheduler(redis, clock, Duration.ofDays(1));
        List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();
        scheduler.schedule(Job.of(tenant, "first", "slow", "", START.minusSeconds(1)));
        scheduler.schedule(Job.of(tenant, "second", "slow", "", START));
        SchedulerWorker stalled = new SchedulerWorker(scheduler, List.of(handler(job -> {
            ran.add(job.id());
            awaitRelease();
            return JobResult.done();
        })), SchedulerProperties.defaults().withThreads(1, 1).withPollInterval(Duration.ofMillis(20))
                .withLease(lease), () -> List.of(tenant));
        workers.add(stalled);
        stalled.start();
        await(() -> ran.size() == 1 && scheduler.leased(tenant) == 2, Duration.ofSeconds(10));

        java.util.Map<String, ClaimedJob> taken = new java.util.HashMap<>();
        while (taken.size() < 2) {
            clock.advance(lease.plusSeconds(1));
            scheduler.claim(tenant, "other-replica", 2, lease).forEach(job -> taken.put(job.job().id(), job));
        }
        await(() -> stalled.lostLeases() == 2, Duration.ofSeconds(10));
        release.countDown();
        stalled.stop();

        assertThat(ran).containsExactly("first");
        for (ClaimedJob other : taken.values()) {
            assertThat(redis.hget(keys.job(other.job().id()), "owner")).isEqualTo(other.token());
            assertThat(scheduler.complete(other, "by the other replica")).isTrue();
        }
    }

    @Test
    void aLeaseTakenOverBetweenRenewalsIsCountedWhenTheRunFinds() throws Exception {
        Duration lease = Duration.ofSeconds(30); // first renewal only after 10 s: the run ends long before
        MutableClock clock = new MutableClock(START);
        Scheduler scheduler = new Scheduler(redis, clock, Duration.ofDays(1));
        scheduler.schedule(Job.of(tenant, "digest", "slow", "", START));
        List<ClaimedJob> takenOver = new java.util.concurrent.CopyOnWriteArrayList<>();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        SchedulerWorker stalled = startWorker(scheduler, handler(job -> {
            // while this run stalls, its lease expires and another replica claims the job
            while (takenOver.isEmpty()) {
                clock.advance(lease.plusSeconds(1));
                takenOver.addAll(scheduler.claim(tenant, "other-replica", 1, lease));
            }
            return JobResult.done("from the stalled worker");
        }), lease, meters);

        await(() -> meters.get("handoff.scheduler.leases.lost").tag("detected", "finish").counter().count() == 1,
                Duration.ofSeconds(10));
        stalled.stop();

        assertThat(meters.get("handoff.scheduler.leases.lost").tag("detected", "renewal").counter().count()).isZero();
        assertThat(stalled.lostLeases()).as("found by no renewal").isZero();
        assertThat(redis.hget(keys.job("digest"), "owner")).isEqualTo(takenOver.get(0).token());
        assertThat(scheduler.job(tenant, "digest").orElseThrow().note()).isEmpty();
    }

    @Test
    void renewExtendsHeldLeasesOfSeveralTenantsAndReportsTheLostOnes() {
        MutableClock clock = new MutableClock(START);
        Scheduler scheduler = new Scheduler(redis, clock, Duration.ofDays(1));
        TenantId other = TestRedis.uniqueTenant();
        scheduler.schedule(Job.of(tenant, "a", "t", "", START));
        scheduler.schedule(Job.of(tenant, "b", "t", "", START));
        scheduler.schedule(Job.of(other, "c", "t", "", START));
        List<ClaimedJob> held = new ArrayList<>(scheduler.claim(tenant, "w1", 2, Duration.ofSeconds(30)));
        held.addAll(scheduler.claim(other, "w1", 1, Duration.ofSeconds(30)));
        ClaimedJob b = held.stream().filter(job -> job.job().id().equals("b")).findFirst().orElseThrow();
        assertThat(scheduler.complete(b, "finished meanwhile")).isTrue();

        clock.advance(Duration.ofSeconds(20));
        List<ClaimedJob> lost = scheduler.renew(held, Duration.ofSeconds(30));

        assertThat(lost).containsExactly(b);
        long renewedUntil = START.plusSeconds(50).toEpochMilli();
        assertThat(redis.zscore(keys.leased(), "a")).isEqualTo((double) renewedUntil);
        assertThat(redis.hget(keys.job("a"), "lease")).isEqualTo(Long.toString(renewedUntil));
        assertThat(redis.zscore(new SchedulerKeys(other).leased(), "c")).isEqualTo((double) renewedUntil);
        assertThat(redis.zscore(keys.leased(), "b")).as("a finished job is not leased again").isNull();
        clock.advance(Duration.ofSeconds(15));
        assertThat(scheduler.reap(tenant)).as("past the first lease, within the renewed one").isZero();
        assertThat(scheduler.reap(other)).isZero();
    }

    private double leaseScore() {
        Double score = redis.zscore(keys.leased(), "digest");
        assertThat(score).as("leased").isNotNull();
        return score;
    }

    private void awaitRelease() {
        try {
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SchedulerWorker startWorker(Scheduler scheduler, JobHandler handler, Duration lease) {
        return startWorker(scheduler, handler, lease, new SimpleMeterRegistry());
    }

    private SchedulerWorker startWorker(Scheduler scheduler, JobHandler handler, Duration lease,
                                        SimpleMeterRegistry meters) {
        SchedulerWorker worker = new SchedulerWorker(scheduler, List.of(handler), SchedulerProperties.defaults()
                .withThreads(1, 0).withPollInterval(Duration.ofMillis(20)).withLease(lease), () -> List.of(tenant),
                meters);
        workers.add(worker);
        worker.start();
        return worker;
    }

    private static JobHandler handler(java.util.function.Function<Job, JobResult> body) {
        return new JobHandler() {
            @Override
            public String type() {
                return "slow";
            }

            @Override
            public JobResult handle(Job job) {
                return body.apply(job);
            }
        };
    }
}
