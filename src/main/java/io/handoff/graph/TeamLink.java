package io.handoff.graph;

import java.util.Objects;

/**
 * All person-to-person handoffs from members of {@code upstream} to members of {@code downstream}, counted.
 * The counters are maintained incrementally by the store, so a team map never reads person edges.
 * {@code upstream} equals {@code downstream} for handoffs inside one team.
 */
public record TeamLink(TeamId upstream, TeamId downstream, int edges, int routine, int important, int critical,
                       int confirmed, int disputed, int pending) {

    public TeamLink {
        Objects.requireNonNull(upstream, "upstream team");
        Objects.requireNonNull(downstream, "downstream team");
        if (edges < 0 || routine < 0 || important < 0 || critical < 0 || confirmed < 0 || disputed < 0 || pending < 0) {
            throw new IllegalArgumentException("team link counters cannot be negative");
        }
        if (routine + important + critical != edges || confirmed + disputed + pending != edges) {
            throw new IllegalArgumentException("team link counters do not add up for " + upstream + " -> " + downstream);
        }
    }

    public boolean crossTeam() {
        return !upstream.equals(downstream);
    }

    /** The most critical handoff between the two teams, or empty when there is none. */
    public java.util.Optional<Criticality> highestCriticality() {
        if (critical > 0) {
            return java.util.Optional.of(Criticality.CRITICAL);
        }
        if (important > 0) {
            return java.util.Optional.of(Criticality.IMPORTANT);
        }
        return routine > 0 ? java.util.Optional.of(Criticality.ROUTINE) : java.util.Optional.empty();
    }

    /** Share of the handoffs that both sides have confirmed, 0 when there are none. */
    public double confirmationRatio() {
        return edges == 0 ? 0 : (double) confirmed / edges;
    }

    /** Adds one handoff to the counters (used when the link is computed from person edges). */
    public TeamLink plus(Handoff edge) {
        return new TeamLink(upstream, downstream, edges + 1,
                routine + (edge.criticality() == Criticality.ROUTINE ? 1 : 0),
                important + (edge.criticality() == Criticality.IMPORTANT ? 1 : 0),
                critical + (edge.criticality() == Criticality.CRITICAL ? 1 : 0),
                confirmed + (edge.status() == EdgeStatus.CONFIRMED ? 1 : 0),
                disputed + (edge.status() == EdgeStatus.DISPUTED ? 1 : 0),
                pending + (edge.status() == EdgeStatus.CLAIMED ? 1 : 0));
    }

    public static TeamLink empty(TeamId upstream, TeamId downstream) {
        return new TeamLink(upstream, downstream, 0, 0, 0, 0, 0, 0, 0);
    }
}
