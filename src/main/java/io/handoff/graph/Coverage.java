package io.handoff.graph;

/**
 * How much of the organisation is mapped: of {@code teams}, how many have both a confirmed internal customer and a
 * confirmed supplier; of the {@code edges} named, how many the other side has answered (confirmed or disputed).
 */
public record Coverage(int teams, int teamsWithConfirmedCustomerAndSupplier, int edges, int resolvedEdges) {
    public Coverage {
        if (teams < 0 || teamsWithConfirmedCustomerAndSupplier < 0 || edges < 0 || resolvedEdges < 0) {
            throw new IllegalArgumentException("coverage counts cannot be negative");
        }
        if (teamsWithConfirmedCustomerAndSupplier > teams) {
            throw new IllegalArgumentException("covered teams (" + teamsWithConfirmedCustomerAndSupplier
                    + ") cannot exceed teams (" + teams + ")");
        }
        if (resolvedEdges > edges) {
            throw new IllegalArgumentException("resolved edges (" + resolvedEdges
                    + ") cannot exceed edges (" + edges + ")");
        }
    }

    /** Share of teams with a confirmed customer and a confirmed supplier, 0 when there are no teams. */
    public double teamShare() {
        return teams == 0 ? 0 : (double) teamsWithConfirmedCustomerAndSupplier / teams;
    }

    /** Share of edges the other side has answered, 0 when there are no edges. */
    public double resolvedShare() {
        return edges == 0 ? 0 : (double) resolvedEdges / edges;
    }
}
