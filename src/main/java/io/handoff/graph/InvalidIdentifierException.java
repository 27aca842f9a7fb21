package io.handoff.graph;

/** An identifier that cannot be used: missing, too long, or with characters outside the safe alphabet. */
public class InvalidIdentifierException extends Refusal {
    public InvalidIdentifierException(String message) {
        super(message);
    }
}
