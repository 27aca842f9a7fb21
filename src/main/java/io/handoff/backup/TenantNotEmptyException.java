package io.handoff.backup;

import io.handoff.graph.TenantId;

/** An import into a tenant that already has data: answered 409, nothing written. */
public class TenantNotEmptyException extends RuntimeException {
    public TenantNotEmptyException(TenantId tenant) {
        super("tenant '" + tenant + "' already has data; an export is restored only into an empty tenant");
    }
}
