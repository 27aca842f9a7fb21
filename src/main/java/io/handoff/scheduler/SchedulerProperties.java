package io.handoff.scheduler;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job queue's worker settings ({@code handoff.scheduler.*}).
 *
 * @param enabled         whether this replica runs jobs (every replica may; each job runs once in effect)
 * @param threads         jobs run at the same time by this replica
 * @param prefetch        jobs claimed beyond the free threads, so threads do not wait for the next poll
 * @param pollInterval    pause between polls when nothing was due
 * @param lease           how long a claimed job belongs to its worker before another replica may take it over; the
 *                        worker renews the leases of its waiting and running jobs every third of it
 * @param doneRetention   how long a finished job id is remembered (scheduling it again meanwhile does nothing)
 * @param retryBase       first retry delay after a failure (doubling, with jitter)
 * @param retryMax        longest retry delay
 * @param shutdownTimeout how long a stopping replica waits for running jobs
 */
@ConfigurationProperties("handoff.scheduler")
public record SchedulerProperties(@DefaultValue("true") boolean enabled, @DefaultValue("4") int threads,
                                  @DefaultValue("4") int prefetch, @DefaultValue("500ms") Duration pollInterval,
                                  @DefaultValue("2m") Duration lease, @DefaultValue("7d") Duration doneRetention,
                                  @DefaultValue("30s") Duration retryBase, @DefaultValue("1h") Duration retryMax,
                                  @DefaultValue("20s") Duration shutdownTimeout) {
    public SchedulerProperties {
        if (threads < 1 || prefetch < 0) {
            throw new IllegalArgumentException("handoff.scheduler.threads must be at least 1 and prefetch not negative");
        }
        if (lease.toMillis() < 30) {
            throw new IllegalArgumentException("handoff.scheduler.lease must be at least 30ms (it is renewed every third)");
        }
    }

    /** How often a worker renews the leases of the jobs it holds: a third of the lease, so two renewals may fail. */
    public Duration renewInterval() {
        return lease.dividedBy(3);
    }

    /** Defaults, for code that builds a scheduler without Spring (tests, benchmarks). */
    public static SchedulerProperties defaults() {
        return new SchedulerProperties(true, 4, 4, Duration.ofMillis(500), Duration.ofMinutes(2), Duration.ofDays(7),
                Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(20));
    }

    public SchedulerProperties withThreads(int newThreads, int newPrefetch) {
        return new SchedulerProperties(enabled, newThreads, newPrefetch, pollInterval, lease, doneRetention, retryBase,
                retryMax, shutdownTimeout);
    }

    public SchedulerProperties withLease(Duration newLease) {
        return new SchedulerProperties(enabled, threads, prefetch, pollInterval, newLease, doneRetention, retryBase,
                retryMax, shutdownTimeout);
    }

    public SchedulerProperties withPollInterval(Duration interval) {
        return new SchedulerProperties(enabled, threads, prefetch, interval, lease, doneRetention, retryBase, retryMax,
                shutdownTimeout);
    }
}
