package io.handoff.map;

import java.time.Instant;
import java.util.Objects;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;

/** What a signed map link lets its holder see: {@code viewer}'s rights in {@code tenant}, this scope, until then. */
public record MapGrant(TenantId tenant, PersonId viewer, MapScope scope, Instant expiresAt) {
    public MapGrant {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(expiresAt, "expiresAt");
        expiresAt = Instant.ofEpochSecond(expiresAt.getEpochSecond());
    }
}
