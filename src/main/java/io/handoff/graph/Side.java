package io.handoff.graph;

/** One end of a handoff: the upstream person hands work to the downstream person (their internal customer). */
public enum Side {
    UPSTREAM, DOWNSTREAM;

    public Side other() {
        return this == UPSTREAM ? DOWNSTREAM : UPSTREAM;
    }
}
