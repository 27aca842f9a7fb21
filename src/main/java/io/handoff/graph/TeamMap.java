package io.handoff.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The whole organisation at team level: every team and every team-to-team link with its counters. */
public record TeamMap(Map<TeamId, Team> teams, List<TeamLink> links) {
    public TeamMap {
        teams = Collections.unmodifiableMap(new LinkedHashMap<>(teams));
        links = List.copyOf(links);
    }

    public String teamName(TeamId id) {
        Team team = teams.get(id);
        return team == null ? id.value() : team.name();
    }
}
