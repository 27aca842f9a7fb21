package io.handoff.graph;

/** Identifier of a tenant; restricted to the safe alphabet of {@link Identifier}. */
public record TenantId(String value) implements Comparable<TenantId> {
    public TenantId {
        Identifier.require("tenant", value);
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
