package io.handoff.journey;

import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;

/** A person on a touchpoint's front line: named as an owner, or a member of an owner team ({@code viaTeam}). */
public record FrontLine(PersonId person, String name, TeamId team, boolean viaTeam) {
}
