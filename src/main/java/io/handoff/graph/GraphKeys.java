package io.handoff.graph;

/**
 * The Redis key schema of the graph. Every key of a tenant starts with {@code handoff:{tenant}:} so all of a
 * tenant's keys share one hash slot on Redis Cluster and a Lua script may touch any of them. Ids are restricted to
 * the {@link Identifier} alphabet, so they can never contain a brace, a colon or a space and break the schema.
 */
final class GraphKeys {
    /** Set of all tenant ids (global, not in a tenant slot). */
    static final String TENANTS = "handoff:tenants";
    /** Hash from platform workspace key ("slack:E123:T456", "teams:&lt;tid&gt;") to tenant id (global). */
    static final String TENANT_INDEX = "handoff:tenant-index";

    private final String prefix;

    GraphKeys(TenantId tenant) {
        this.prefix = TenantKeys.prefix(tenant);
    }

    /** Hash: name, slack-enterprise, slack-team, microsoft-tenant, created. */
    String tenant() {
        return prefix + "tenant";
    }

    /** Set of person ids. */
    String people() {
        return prefix + "people";
    }

    /**
     * String: the person's card, then one line per handoff they take part in, each carrying the other person's card
     * ({@link AdjacencyCodec}). Every edge is in both ends' strings.
     */
    String adjacency(String id) {
        return prefix + "adj:" + id;
    }

    /**
     * String: part {@code k} of a busy person's lines, those about the people {@link AdjacencyParts#index} puts in
     * it; used once the person's string says it is split ({@link AdjacencyParts}).
     */
    String adjacencyPart(String id, int k) {
        return prefix + "adj-part:" + id + ":" + k;
    }

    // The layout before adjacency strings (read once by the upgrade in AdjacencyUpgrade, then deleted).

    /** Before adjacency strings: hash of a person's fields (name, email, team, tz, id:&lt;platform&gt;). */
    String legacyPerson(String id) {
        return prefix + "person:" + id;
    }

    /** Before adjacency strings: hash downstream id → encoded edge. */
    String legacyOut(String id) {
        return prefix + "out:" + id;
    }

    /** Before adjacency strings: hash upstream id → encoded edge. */
    String legacyIn(String id) {
        return prefix + "in:" + id;
    }

    /** Before adjacency strings: hash person id → a copy of their fields. */
    String legacyCards() {
        return prefix + "cards";
    }

    /** Hash: team id → team name. */
    String teams() {
        return prefix + "teams";
    }

    /** Hash: team id → comma-separated manager person ids. */
    String teamManagers() {
        return prefix + "team-managers";
    }

    /**
     * String: a random token replaced by every write to {@link #teams()} or {@link #teamManagers()}, so a reader
     * holding a copy of the team directory knows with one GET whether it is still current ({@link TeamDirectory}).
     */
    String teamsVersion() {
        return prefix + "teams-version";
    }

    /** Set: person ids of a team's members. */
    String members(String teamId) {
        return prefix + "members:" + teamId;
    }

    /**
     * Hash: "upTeam>downTeam" → seven packed counters "n,r,i,c,f,x,h": all edges, routine, important, critical,
     * confirmed, disputed, pending. One field per pair keeps the whole-org team map one small read.
     */
    String teamEdges() {
        return prefix + "teamedges";
    }

    /** Prefix of the email entries in the identities hash. */
    static final String EMAIL_INDEX = "email";

    /** Hash: "slack:U123" / "teams:&lt;aad id&gt;" / "email:pat@example.com" → person id. */
    String identities() {
        return prefix + "identities";
    }

    static String slackIndexField(String enterpriseId, String teamId) {
        return "slack:" + (enterpriseId == null ? "" : enterpriseId) + ":" + (teamId == null ? "" : teamId);
    }

    static String teamsIndexField(String microsoftTenantId) {
        return "teams:" + microsoftTenantId;
    }

    static String identityField(Platform platform, String externalId) {
        return platform.code() + ":" + externalId;
    }
}
