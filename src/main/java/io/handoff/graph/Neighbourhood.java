package io.handoff.graph;

import java.util.Objects;

/**
 * The ego map of one person: everyone within {@code depth} handoffs in either direction, with the edges that lead
 * there. {@code roundTrips} is how many Redis round trips the read took (at most depth + 1).
 */
public record Neighbourhood(PersonId centre, int depth, OrgGraph graph, int roundTrips) {
    public static final int MAX_DEPTH = 3;

    public Neighbourhood {
        Objects.requireNonNull(centre, "centre");
        Objects.requireNonNull(graph, "graph");
        requireDepth(depth);
    }

    public static int requireDepth(int depth) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be between 1 and " + MAX_DEPTH + " (was " + depth + ")");
        }
        return depth;
    }
}
