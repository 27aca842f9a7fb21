package io.handoff.graph;

import java.util.Objects;

/** A person found by following handoffs from someone, and the fewest handoffs it takes to get there. */
public record Reach(PersonId person, int distance) {
    public Reach {
        Objects.requireNonNull(person, "reached person is required");
        if (distance < 0) {
            throw new IllegalArgumentException("distance cannot be negative (was " + distance + ")");
        }
    }
}
