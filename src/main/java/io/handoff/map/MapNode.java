package io.handoff.map;

import java.util.Objects;

/**
 * A box on the map: a person (grouped by {@code group}, their team id, or null without a team) or a whole team.
 * {@code note} is a short second line, e.g. "3 handoffs inside the team". A blueprint (journeys) also draws the
 * customer's moments: {@link Kind#TOUCHPOINT}, {@link Kind#GAME_OVER} (an octagon, its note says so in words) and
 * {@link Kind#VACANT} (a dashed box: no owner, or nobody in a lane).
 */
public record MapNode(String id, String label, Kind kind, String group, boolean centre, String note) {
    public enum Kind { PERSON, TEAM, TOUCHPOINT, GAME_OVER, VACANT }

    public MapNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        note = note == null ? "" : note;
    }
}
