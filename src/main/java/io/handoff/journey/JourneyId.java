package io.handoff.journey;

import io.handoff.graph.Identifier;

/**
 * Identifier of a journey; the safe alphabet of {@link Identifier} (no brace, colon or space, at most 128
 * characters), so it can sit inside a Redis key without breaking the tenant's hash tag.
 */
public record JourneyId(String value) implements Comparable<JourneyId> {
    public JourneyId {
        Identifier.require("journey", value);
    }

    public static JourneyId of(String value) {
        return new JourneyId(value);
    }

    @Override
    public int compareTo(JourneyId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
