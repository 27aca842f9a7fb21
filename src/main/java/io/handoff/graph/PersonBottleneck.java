package io.handoff.graph;

import java.util.Objects;

/**
 * A person others depend on: {@code criticalDependents} distinct people receive a CRITICAL handoff from them,
 * {@code dependents} distinct people receive any handoff from them (disputed handoffs are not counted).
 */
public record PersonBottleneck(PersonId person, int criticalDependents, int dependents) {
    public PersonBottleneck {
        Objects.requireNonNull(person, "person is required");
        if (criticalDependents < 0 || dependents < 0) {
            throw new IllegalArgumentException("dependent counts cannot be negative");
        }
        if (criticalDependents > dependents) {
            throw new IllegalArgumentException("critical dependents (" + criticalDependents
                    + ") cannot exceed dependents (" + dependents + ") for " + person);
        }
    }
}
