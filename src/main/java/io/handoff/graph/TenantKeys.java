package io.handoff.graph;

/**
 * The one place the tenant key prefix {@code handoff:{tenant}:} is spelled. The braces are a Redis Cluster hash tag:
 * every key of a tenant lives in one slot, so one Lua script may touch any of them. Tenant ids are restricted to the
 * {@link Identifier} alphabet and can never contain a brace, a colon or a space. Each module's keys class (or store)
 * is the only place its own key names are spelled; a module reads another's data through a port, never its keys.
 * It lives beside {@link TenantId} (the graph module) because every module already depends on that, and the redis
 * module, which the graph's scripts use, cannot depend on the graph.
 */
public final class TenantKeys {
    private TenantKeys() {
    }

    /** {@code handoff:{tenant}:}, the start of every key of the tenant. */
    public static String prefix(TenantId tenant) {
        return "handoff:{" + tenant.value() + "}:";
    }

    /** {@code handoff:{tenant}:<name>}; {@code name} starts with the key's family ({@code prefs:pat}). */
    public static String key(TenantId tenant, String name) {
        return prefix(tenant) + name;
    }
}
