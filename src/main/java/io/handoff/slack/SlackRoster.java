package io.handoff.slack;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Usergroup;

import io.handoff.graph.GraphStore;
import io.handoff.graph.Identifier;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TeamMap;
import io.handoff.graph.TenantId;

/**
 * Team membership from Slack user groups: each enabled group becomes a team (id from its handle, name from its
 * name; managers already set in Handoff are kept), and each member joins it. A person in several groups joins the
 * first by name. Runs after an install and on demand ({@code /handoff sync-teams}, workspace admins only).
 */
final class SlackRoster {
    private static final Logger log = LoggerFactory.getLogger(SlackRoster.class);

    private final GraphStore graph;
    private final SlackPeople people;

    SlackRoster(GraphStore graph, SlackPeople people) {
        this.graph = graph;
        this.people = people;
    }

    record Report(int teams, int members) {
    }

    Report sync(TenantId tenant, MethodsClient client) {
        List<Usergroup> groups = SlackApi.call("usergroups.list",
                        () -> client.usergroupsList(r -> r.includeDisabled(false))).getUsergroups().stream()
                .filter(group -> group.getDateDelete() == null || group.getDateDelete() == 0)
                .sorted(Comparator.comparing(group -> group.getName() == null ? "" : group.getName()))
                .toList();
        TeamMap existing = graph.teamMap(tenant);
        Set<PersonId> placed = new HashSet<>();
        int teams = 0;
        for (Usergroup group : groups) {
            Optional<TeamId> teamId = teamId(group);
            if (teamId.isEmpty()) {
                continue;
            }
            Team current = existing.teams().get(teamId.get());
            String name = group.getName() == null || group.getName().isBlank() ? teamId.get().value()
                    : SlackText.truncate(group.getName().replaceAll("\\p{Cntrl}", " ").strip(), Team.MAX_NAME);
            graph.saveTeam(tenant, new Team(teamId.get(), name, current == null ? List.of() : current.managers()));
            teams++;
            List<String> members = SlackApi.call("usergroups.users.list",
                    () -> client.usergroupsUsersList(r -> r.usergroup(group.getId()))).getUsers();
            for (String slackUser : members == null ? List.<String>of() : members) {
                Optional<PersonId> person = people.resolve(tenant, slackUser, client);
                if (person.isEmpty() || !placed.add(person.get())) {
                    continue;
                }
                Optional<Person> stored = graph.person(tenant, person.get());
                if (stored.isPresent() && !teamId.get().equals(stored.get().team())) {
                    graph.savePerson(tenant, stored.get().withTeam(teamId.get()));
                }
            }
        }
        log.info("Synced {} Slack user groups ({} people) into tenant {}", teams, placed.size(), tenant);
        return new Report(teams, placed.size());
    }

    private static Optional<TeamId> teamId(Usergroup group) {
        String source = group.getHandle() != null && !group.getHandle().isBlank() ? group.getHandle() : group.getId();
        if (source == null) {
            return Optional.empty();
        }
        String id = source.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._@+-]", "-").replaceAll("^[^a-z0-9]+", "");
        return Identifier.isValid(id) ? Optional.of(TeamId.of(id)) : Optional.empty();
    }
}
