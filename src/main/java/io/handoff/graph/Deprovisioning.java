package io.handoff.graph;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * People the organisation's identity provider deactivated or deleted (SCIM {@code active: false} or
 * {@code DELETE /Users/{id}}), with the moment it happened. A deprovisioned person stays in the graph (their handoffs
 * still explain the work of others) but gets no message of any kind; the tenant's retention decides when their data
 * goes. The module that keeps the record (the SCIM adapter) implements it; without one nobody is deprovisioned.
 */
public interface Deprovisioning {

    /** When the person was deprovisioned; empty while they are active (or were never provisioned). */
    Optional<Instant> deprovisionedAt(TenantId tenant, PersonId person);

    /** Everyone deprovisioned at or before {@code cutoff}, with the moment (for retention). */
    Map<PersonId, Instant> deprovisionedBefore(TenantId tenant, Instant cutoff);

    /** Nobody is deprovisioned (no identity provider connected). */
    Deprovisioning NONE = new Deprovisioning() {
        @Override
        public Optional<Instant> deprovisionedAt(TenantId tenant, PersonId person) {
            return Optional.empty();
        }

        @Override
        public Map<PersonId, Instant> deprovisionedBefore(TenantId tenant, Instant cutoff) {
            return Map.of();
        }
    };
}
