package io.handoff.privacy;

import java.time.Instant;
import java.util.Map;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;

/**
 * The hook identity-provider provisioning plugs into: the people of a tenant its provider deprovisioned (SCIM
 * {@code active: false}), each with when. {@link Retention} erases each of them, as forget-me would, once
 * {@link RetentionSettings#DEPROVISIONED_PEOPLE} has passed since that time. Without a provisioning module the
 * application's bean is {@link #NONE}; a SCIM module declares its own bean of this type (the default steps aside).
 */
public interface Deprovisioned {
    Deprovisioned NONE = tenant -> Map.of();

    /** Person → when they were deprovisioned; people active again are not listed. */
    Map<PersonId, Instant> deprovisioned(TenantId tenant);
}
