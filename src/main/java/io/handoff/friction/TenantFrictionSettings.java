package io.handoff.friction;

import io.handoff.graph.TenantId;

/** Where a tenant's {@link FrictionSettings} come from (the tenant settings once configured, defaults otherwise). */
@FunctionalInterface
public interface TenantFrictionSettings {

    FrictionSettings of(TenantId tenant);

    static TenantFrictionSettings defaults() {
        return tenant -> FrictionSettings.defaults();
    }
}
