package io.handoff.settings;

import java.util.List;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;

/**
 * Admins a tenant's own data names, besides the configured ones (HANDOFF_MAP_ADMINS): only the demo stories have
 * such data, written when the demo creates its tenant, so no configuration can make anyone an admin through it.
 */
public interface AdminsInData {

    /** The tenant's admins its data names; empty for every tenant but a demo story's. */
    List<PersonId> admins(TenantId tenant);
}
