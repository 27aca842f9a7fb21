package io.handoff.scim;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.handoff.graph.GraphStore;
import io.handoff.graph.Identifier;
import io.handoff.graph.PersonId;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;

/**
 * Teams for provisioned people and groups. A department or group name finds the graph's team of that name (case
 * ignored), so a group "Dispatch" joins the team "Dispatch" a roster or Slack sync made; otherwise a new team is made
 * with an id from the name ({@code "Customer Service"} → {@code customer-service}, {@code -2}, {@code -3}… when taken).
 * A group never takes a team another provisioned group already stands for.
 */
@Component
class ScimTeams {
    private final GraphStore graph;
    private final ScimStore store;

    ScimTeams(GraphStore graph, ScimStore store) {
        this.graph = graph;
        this.store = store;
    }

    /** The team of a department (found by name, or made). */
    TeamId department(TenantId tenant, String name) {
        return find(tenant, name, false).orElseGet(() -> create(tenant, name));
    }

    /** The team a new group stands for: a team of that name no other group stands for, or a new one. */
    TeamId forGroup(TenantId tenant, String name) {
        return find(tenant, name, true).orElseGet(() -> create(tenant, name));
    }

    void rename(TenantId tenant, TeamId team, String name) {
        Team current = teams(tenant).get(team);
        if (current == null || !current.name().equals(name)) {
            graph.saveTeam(tenant, new Team(team, name, current == null ? List.of() : current.managers()));
        }
    }

    /**
     * The group's managers: its members whom another member names as their enterprise {@code manager}. When no member
     * manages another, the team keeps the managers it has (set by an admin, a roster or earlier provisioning).
     */
    void updateManagers(TenantId tenant, TeamId team, Set<String> members) {
        if (members.isEmpty()) {
            return;
        }
        List<PersonId> managers = new ArrayList<>();
        store.managers(tenant, members).values().stream().filter(members::contains).distinct().sorted()
                .forEach(manager -> managers.add(PersonId.of(manager)));
        Team current = teams(tenant).get(team);
        if (managers.isEmpty() || current == null || Set.copyOf(current.managers()).equals(Set.copyOf(managers))) {
            return;
        }
        graph.saveTeam(tenant, new Team(team, current.name(), managers));
    }

    private Optional<TeamId> find(TenantId tenant, String name, boolean forGroup) {
        return teams(tenant).values().stream()
                .filter(team -> team.name().equalsIgnoreCase(name.strip()))
                .filter(team -> !forGroup || !store.isGroup(tenant, team.id()))
                .map(Team::id).sorted().findFirst();
    }

    private TeamId create(TenantId tenant, String name) {
        Map<TeamId, Team> existing = teams(tenant);
        String base = slug(name);
        TeamId id = TeamId.of(base);
        for (int n = 2; existing.containsKey(id) || store.isGroup(tenant, id); n++) {
            id = TeamId.of(base + "-" + n);
        }
        graph.saveTeam(tenant, new Team(id, name.strip(), List.of()));
        return id;
    }

    private Map<TeamId, Team> teams(TenantId tenant) {
        return graph.teamMap(tenant).teams();
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("-+$", "");
        }
        return slug.isEmpty() || !Identifier.isValid(slug) ? "team" : slug;
    }
}
