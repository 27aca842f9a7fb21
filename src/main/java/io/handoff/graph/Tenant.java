package io.handoff.graph;

import java.time.Instant;
import java.util.Objects;

/**
 * One customer organisation. A Slack workspace is keyed by its team id; an Enterprise Grid org by its enterprise id
 * (installs span workspaces); a Microsoft 365 tenant by its tenant id. A tenant may be on both platforms.
 */
public record Tenant(TenantId id, String name, String slackEnterpriseId, String slackTeamId, String microsoftTenantId,
                     Instant createdAt) {
    public static final int MAX_NAME = 200;

    public Tenant {
        Objects.requireNonNull(id, "tenant id is required");
        name = Text.require("tenant name", name, MAX_NAME);
        slackEnterpriseId = optionalId("Slack enterprise", slackEnterpriseId);
        slackTeamId = optionalId("Slack team", slackTeamId);
        microsoftTenantId = optionalId("Microsoft tenant", microsoftTenantId);
        Objects.requireNonNull(createdAt, "tenant createdAt is required");
        createdAt = Instant.ofEpochSecond(createdAt.getEpochSecond());
    }

    private static String optionalId(String kind, String value) {
        return value == null || value.isBlank() ? null : Identifier.require(kind, value);
    }

    public boolean onSlack() {
        return slackEnterpriseId != null || slackTeamId != null;
    }

    public boolean onTeams() {
        return microsoftTenantId != null;
    }
}
