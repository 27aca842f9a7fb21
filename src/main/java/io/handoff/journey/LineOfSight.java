package io.handoff.journey;

import java.util.List;

import io.handoff.graph.PersonId;

/**
 * Where one person's work reaches customers: each touchpoint reached through the handoffs downstream of them, the
 * people it passes through and how many hops (0: they own the touchpoint themselves). Game-over moments first.
 */
public record LineOfSight(PersonId person, int depth, List<Reach> reaches) {
    public LineOfSight {
        reaches = List.copyOf(reaches);
    }

    public boolean reachesGameOver() {
        return reaches.stream().anyMatch(r -> r.weight() == Weight.GAME_OVER);
    }

    /**
     * One touchpoint reached: {@code through} lists the people the work passes on the way, the last one on the
     * touchpoint's front line (empty when the person is on the front line themselves).
     */
    public record Reach(JourneyId journey, String journeyName, TouchpointId touchpoint, String touchpointName,
                        Weight weight, int hops, List<PersonId> through, List<String> throughNames) {
        public Reach {
            through = List.copyOf(through);
            throughNames = List.copyOf(throughNames);
        }
    }
}
