package io.handoff.journey;

import java.util.Objects;

/** What is wrong with one field of a definition: its path ({@code stages[0].touchpoints[2].channel}) and why. */
public record FieldProblem(String field, String message) {
    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
