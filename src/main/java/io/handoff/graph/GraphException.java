package io.handoff.graph;

/** A graph operation that cannot be done as asked; the message is safe to show to the person who asked. */
public class GraphException extends RuntimeException {
    public GraphException(String message) {
        super(message);
    }
}
