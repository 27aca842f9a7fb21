package io.handoff.map;

import java.util.Objects;

/**
 * A box on the map: a person (grouped by {@code group}, their team id, or null without a team) or a whole team.
 * {@code note} is a short second line, e.g. "3 handoffs inside the team".
 */
public record MapNode(String id, String label, Kind kind, String group, boolean centre, String note) {
    public enum Kind { PERSON, TEAM }

    public MapNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        note = note == null ? "" : note;
    }
}
