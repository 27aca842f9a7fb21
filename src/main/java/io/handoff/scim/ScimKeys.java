package io.handoff.scim;

import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;

/** The Redis keys of SCIM provisioning; every one in the tenant's slot, spelled only here. */
final class ScimKeys {
    private final String prefix;

    ScimKeys(TenantId tenant) {
        this.prefix = TenantKeys.prefix(tenant);
    }

    /** String: hex SHA-256 of the tenant's SCIM bearer token (the token itself is never stored). */
    String token() {
        return prefix + "scim-token";
    }

    /** Hash: a provisioned user (name-key, externalId, active, resource, manager, groups, version, created, ...). */
    String user(String person) {
        return prefix + "scim-user:" + person;
    }

    /** Sorted set: provisioned person ids scored by creation (ms), the order of the user list. */
    String users() {
        return prefix + "scim-users";
    }

    /** Hash: {@code u:name:<userName lower>}, {@code u:ext:<externalId>} → person; {@code g:name:}, {@code g:ext:} → team. */
    String index() {
        return prefix + "scim-index";
    }

    /** Hash: a provisioned group (name-key, externalId, displayName, version, created, modified). */
    String group(String team) {
        return prefix + "scim-group:" + team;
    }

    /** Sorted set: provisioned team ids scored by creation (ms). */
    String groups() {
        return prefix + "scim-groups";
    }

    /** Set: person ids of a provisioned group's members. */
    String members(String team) {
        return prefix + "scim-members:" + team;
    }

    /** Sorted set: person ids the identity provider deprovisioned, scored by when (epoch seconds), for retention. */
    String deprovisioned() {
        return prefix + "deprovisioned";
    }
}
