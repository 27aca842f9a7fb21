package io.handoff.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.handoff.graph.TenantId;
import io.handoff.testing.MutableClock;
import io.handoff.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The operator's view of the job queue against a real Redis: the gauge {@code handoff.scheduler.jobs} by state (the
 * backlog due now, all waiting, leased, dead) and the timer {@code handoff.scheduler.lag} (how late jobs were taken).
 */
class QueueMetricsTest {
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final MutableClock clock = new MutableClock(START);
    private final Scheduler scheduler = new Scheduler(TestRedis.client(), clock, Duration.ofDays(7));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void theGaugesCountTheBacklogTheWaitingTheLeasedAndTheDeadJobs() {
        QueueMetrics metrics = new QueueMetrics(scheduler, () -> Set.of(tenant), Duration.ofSeconds(15), meters);
        for (int i = 0; i < 3; i++) {
            scheduler.schedule(Job.of(tenant, "now-" + i, "send", "", START.minusSeconds(5)));
        }
        scheduler.schedule(Job.of(tenant, "later", "send", "", START.plus(Duration.ofHours(2))));
        List<ClaimedJob> claimed = scheduler.claim(tenant, "w1", 2, Duration.ofMinutes(1));
        scheduler.fail(claimed.get(0), Optional.empty(), "gone for good");

        QueueCounts counts = metrics.refresh();

        assertThat(counts).isEqualTo(new QueueCounts(1, 2, 1, 1));
        assertThat(gauge("due")).isEqualTo(1);
        assertThat(gauge("waiting")).isEqualTo(2);
        assertThat(gauge("leased")).isEqualTo(1);
        assertThat(gauge("dead")).isEqualTo(1);
    }

    @Test
    void theLagIsHowLongAfterItsDueTimeAWorkerTookAJob() throws Exception {
        scheduler.schedule(Job.of(tenant, "late", "send", "", START.minus(Duration.ofMinutes(7))));
        SchedulerWorker worker = new SchedulerWorker(scheduler, List.of(new JobHandler() {
            @Override
            public String type() {
                return "send";
            }

            @Override
            public JobResult handle(Job job) {
                return JobResult.done();
            }
        }), SchedulerProperties.defaults(), () -> Set.of(tenant), meters);
        worker.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (meters.get(SchedulerWorker.LAG).timer().count() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            worker.stop();
        }

        assertThat(meters.get(SchedulerWorker.LAG).timer().count()).isEqualTo(1);
        assertThat(meters.get(SchedulerWorker.LAG).timer().max(TimeUnit.SECONDS)).isEqualTo(7 * 60.0);
    }

    private double gauge(String state) {
        return meters.get(QueueMetrics.NAME).tag("state", state).gauge().value();
    }
}
