package io.handoff.map;

import java.util.Objects;

/**
 * Friction along a handoff from the most recent closed period in which enough people answered (the tenant's minimum
 * of respondents), with that period in words, for readers that compare periods (a journey's "moved together"): a
 * quiet period does not end the comparison, and no figure below the minimum is ever given.
 *
 * @param aggregate the figure of that period, with the trend of the periods before it that also met the minimum
 * @param period    that period as people read it ("the two weeks from 22 Jun")
 * @param back      how many closed periods before the latest one it is (0: the latest; more: later ones had too few
 *                  answers)
 */
public record DatedFriction(FrictionAggregate aggregate, String period, int back) {
    /** How many closed periods back a reader may look for one with enough answers. */
    public static final int LOOK_BACK = 4;

    public DatedFriction {
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(period, "period");
    }

    /** The look-up of one query over many handoffs whose downstream people's teams are known. */
    @FunctionalInterface
    public interface Lookup {
        java.util.Optional<DatedFriction> of(io.handoff.graph.PersonId upstream, io.handoff.graph.PersonId downstream,
                                             java.util.Optional<io.handoff.graph.TeamId> downstreamTeam);

        Lookup NONE = (upstream, downstream, team) -> java.util.Optional.empty();
    }
}
