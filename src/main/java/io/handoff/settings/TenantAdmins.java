package io.handoff.settings;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import java.util.List;

/**
 * Who administers a tenant (HANDOFF_MAP_ADMINS): asked by the {@code settings} command. The maps module's access
 * rules implement it, so settings need not know the maps (which read the settings).
 */
public interface TenantAdmins {

    boolean isAdmin(TenantId tenant, PersonId person);

    /** The person ids and email addresses configured as the tenant's admins; may be empty. */
    List<String> admins(TenantId tenant);
}
