package io.handoff.graph;

import java.util.Objects;

/**
 * A handoff that only one side has named so far. {@code unaware} is the end that has not named it: when a driver
 * names the pre-loader who loads their truck and the pre-loader never named the driver, the pre-loader is unaware
 * and the driver is his hidden customer.
 */
public record HiddenCustomer(Handoff edge, Side claimedBy, PersonId unaware) {
    public HiddenCustomer {
        Objects.requireNonNull(edge, "edge is required");
        Objects.requireNonNull(claimedBy, "claiming side is required");
        Objects.requireNonNull(unaware, "unaware person is required");
        if (edge.status() != EdgeStatus.CLAIMED || edge.claimedBy() != ClaimedBy.of(claimedBy)) {
            throw new IllegalArgumentException("edge " + edge.upstream() + " -> " + edge.downstream()
                    + " is not claimed by the " + claimedBy + " side only");
        }
        if (!unaware.equals(edge.end(claimedBy.other()))) {
            throw new IllegalArgumentException(unaware + " is not the side that has not named the edge");
        }
    }

    /** The hidden customer of a pending edge; the edge must be claimed by one side only. */
    public static HiddenCustomer of(Handoff edge) {
        Objects.requireNonNull(edge, "edge is required");
        Side by = edge.claimedBy() == ClaimedBy.UPSTREAM ? Side.UPSTREAM : Side.DOWNSTREAM;
        return new HiddenCustomer(edge, by, edge.end(by.other()));
    }

    /** The end that has named the edge. */
    public PersonId claimant() {
        return edge.end(claimedBy);
    }
}
