package io.handoff.map;

import java.util.Objects;

/** A team drawn as a frame around its people. */
public record MapGroup(String id, String name) {
    /** The group of people whose team is not known yet. */
    public static final String NO_TEAM = "no-team";

    public MapGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
