package io.handoff.graph;

import java.util.List;
import java.util.Objects;

/** A team (function) of the organisation, with the people who may see its maps and digests as managers. */
public record Team(TeamId id, String name, List<PersonId> managers) {
    public static final int MAX_NAME = 200;

    public Team {
        Objects.requireNonNull(id, "team id is required");
        name = Text.require("team name", name, MAX_NAME);
        managers = managers == null ? List.of() : List.copyOf(managers.stream().distinct().toList());
    }

    public static Team of(String id, String name, PersonId... managers) {
        return new Team(TeamId.of(id), name, List.of(managers));
    }
}
