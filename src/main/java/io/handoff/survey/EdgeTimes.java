package io.handoff.survey;

import java.time.Instant;

import io.handoff.graph.Handoff;

/**
 * A change to an edge may not be dated before the edge's last change (the domain refuses timestamps that go back).
 * Clocks of several Handoff instances can differ by a little, so a change is dated at the later of the two.
 */
final class EdgeTimes {
    private EdgeTimes() {
    }

    static Instant notBefore(Instant now, Handoff edge) {
        Instant latest = edge.updatedAt().isAfter(edge.createdAt()) ? edge.updatedAt() : edge.createdAt();
        if (edge.lastConfirmedAt() != null && edge.lastConfirmedAt().isAfter(latest)) {
            latest = edge.lastConfirmedAt();
        }
        return now.isBefore(latest) ? latest : now;
    }
}
