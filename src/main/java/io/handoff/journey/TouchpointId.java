package io.handoff.journey;

import io.handoff.graph.Identifier;

/** Identifier of a touchpoint within its journey; the safe alphabet of {@link Identifier}. */
public record TouchpointId(String value) implements Comparable<TouchpointId> {
    public TouchpointId {
        Identifier.require("touchpoint", value);
    }

    public static TouchpointId of(String value) {
        return new TouchpointId(value);
    }

    @Override
    public int compareTo(TouchpointId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
