package io.handoff.graph;

/** A write that kept losing the race against other writes to the same part of the graph. */
class ConcurrentGraphChangeException extends GraphException {
    public ConcurrentGraphChangeException(String what) {
        super(what + " is being changed by someone else right now; try again");
    }
}
