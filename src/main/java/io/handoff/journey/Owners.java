package io.handoff.journey;

import java.util.List;

import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;

/**
 * A touchpoint's owners resolved against the graph: those that exist, and those named but gone (a deleted team, a
 * person deleted or forgotten). {@link #ownerless()} when none exists: the touchpoint is shown as ownerless, never
 * with a dangling reference.
 */
public record Owners(List<TeamId> teams, List<PersonId> people, List<TeamId> missingTeams,
                     List<PersonId> missingPeople) {
    public Owners {
        teams = List.copyOf(teams);
        people = List.copyOf(people);
        missingTeams = List.copyOf(missingTeams);
        missingPeople = List.copyOf(missingPeople);
    }

    public boolean ownerless() {
        return teams.isEmpty() && people.isEmpty();
    }
}
