package io.handoff.journey;

import io.handoff.graph.TenantKeys;
import io.handoff.graph.TenantId;

/** The only place the journey key names are spelled (under the tenant's hash tag, see {@link TenantKeys}). */
final class JourneyKeys {
    private JourneyKeys() {
    }

    /** Set of the tenant's journey ids. */
    static String journeys(TenantId tenant) {
        return TenantKeys.key(tenant, "journeys");
    }

    /** String: the journey's definition as JSON. */
    static String journey(TenantId tenant, JourneyId id) {
        return TenantKeys.key(tenant, "journey:" + id.value());
    }

    /** Hash: {@code touchpoint|period|metric} → {@code value␟sample size␟better}. */
    static String signals(TenantId tenant, JourneyId id) {
        return TenantKeys.key(tenant, "journey-signals:" + id.value());
    }
}
