package io.handoff.graph;

/** Identifier of a team; restricted to the safe alphabet of {@link Identifier}. */
public record TeamId(String value) implements Comparable<TeamId> {
    public TeamId {
        Identifier.require("team", value);
    }

    public static TeamId of(String value) {
        return new TeamId(value);
    }

    @Override
    public int compareTo(TeamId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
