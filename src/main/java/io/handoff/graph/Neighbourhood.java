package io.handoff.graph;

import java.util.Objects;

/**
 * The ego map of one person: everyone within {@code depth} handoffs in either direction, with the edges that lead
 * there. The people of the outermost ring (exactly {@code depth} handoffs away) carry their name, team and time zone
 * only (what a map shows); their email and chat ids are not read, so ask {@link GraphStore#person} for those.
 * Everyone nearer carries all their fields. {@code roundTrips} is how many Redis round trips the read took: one per
 * ring read ({@code depth}), plus one when the team directory changed since this replica last read it.
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
            throw new Refusal("depth must be between 1 and " + MAX_DEPTH + " (was " + depth + ")");
        }
        return depth;
    }
}
