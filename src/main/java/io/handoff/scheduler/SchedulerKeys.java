package io.handoff.scheduler;

import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;

/** Redis keys of the job queue; every tenant key carries the {@code {tenant}} hash tag. */
final class SchedulerKeys {
    /** Set of tenants that have (or had) jobs; global, outside any tenant slot. */
    static final String TENANTS = "handoff:jobs:tenants";

    private final String prefix;

    SchedulerKeys(TenantId tenant) {
        this.prefix = TenantKeys.prefix(tenant);
    }

    /** Zset: job id scored by due time (epoch ms). */
    String due() {
        return prefix + "jobs:due";
    }

    /** Zset: job id scored by lease expiry (epoch ms). */
    String leased() {
        return prefix + "jobs:leased";
    }

    /** Zset: job id scored by the time it went to the dead letters (epoch ms). */
    String dead() {
        return prefix + "jobs:dead";
    }

    /** Prefix of the job hashes (the claim script appends the id). */
    String jobPrefix() {
        return prefix + "job:";
    }

    /**
     * Hash: type, payload, due, state, failures, runs, created, owner, lease, error, note, finished, failed,
     * rate-limited, rate-limited-since.
     */
    String job(String id) {
        return jobPrefix() + id;
    }
}
