package io.handoff.privacy;

import java.time.Instant;

import io.handoff.graph.TenantId;
import io.handoff.settings.Setting;

/**
 * A kind of data its owning module deletes once older than the tenant's retention setting: friction answers
 * (friction), sent stories (empathy), the delivery decision log (delivery). Implemented as a Spring bean next to the
 * module's store, so {@link Retention} never touches another module's keys.
 */
public interface ExpiringData {
    /** What it is, in words my-data shows ("friction answers"). */
    String kind();

    /** The tenant setting saying how long it is kept ({@code P0D}: no expiry by age). */
    Setting<java.time.Period> keptFor();

    /** Deletes what is older than {@code cutoff}; returns how many items went. Idempotent. */
    int expire(TenantId tenant, Instant cutoff);
}
