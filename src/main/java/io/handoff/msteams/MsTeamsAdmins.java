package io.handoff.msteams;

import io.handoff.chat.port.PlatformAdmins;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;
import io.handoff.map.MapAccess;

/**
 * Who administers Handoff on Teams: the tenant's Handoff admins (HANDOFF_MAP_ADMINS, as for {@code settings}).
 * Teams tells a bot nothing about a person's roles in the organisation.
 */
final class MsTeamsAdmins implements PlatformAdmins {
    private final MapAccess access;

    MsTeamsAdmins(MapAccess access) {
        this.access = access;
    }

    @Override
    public Platform platform() {
        return Platform.TEAMS;
    }

    @Override
    public boolean isAdmin(TenantId tenant, PersonId person) {
        return access.viewer(tenant, person).admin();
    }

    @Override
    public String who() {
        return "your Handoff admins";
    }
}
