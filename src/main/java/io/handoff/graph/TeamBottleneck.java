package io.handoff.graph;

import java.util.Objects;

/**
 * A team other teams depend on: it hands {@code criticalHandoffs} CRITICAL handoffs to members of
 * {@code downstreamTeams} other teams (handoffs inside the team are not counted).
 */
public record TeamBottleneck(TeamId team, int criticalHandoffs, int downstreamTeams) {
    public TeamBottleneck {
        Objects.requireNonNull(team, "team is required");
        if (criticalHandoffs < 0 || downstreamTeams < 0) {
            throw new IllegalArgumentException("team bottleneck counts cannot be negative");
        }
        if (downstreamTeams > criticalHandoffs) {
            throw new IllegalArgumentException("each of the " + downstreamTeams
                    + " downstream teams needs at least one critical handoff from " + team);
        }
    }
}
