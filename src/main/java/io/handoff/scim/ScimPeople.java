package io.handoff.scim;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.handoff.graph.GraphException;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Identifier;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;

/**
 * Provisioned users as people of the graph. A user whose email (or address-shaped userName) is already a person's —
 * someone who arrived from Slack, Teams or a roster — is that person; otherwise a new person is made (id = the email
 * when it is a valid id and free, else {@code scim-<random>}). The graph's email index is unique and written by the
 * same Lua script as the person ({@code person.lua}), so when Slack or Teams creates the person with this email at
 * the same moment, one of the two writes is refused and the refused side links to the other's person instead.
 * Team rule: a member of provisioned groups is in the group they joined last (or stays in the one they are in);
 * otherwise the department's team; otherwise the team they already have.
 */
@Component
class ScimPeople {
    private static final Logger log = LoggerFactory.getLogger(ScimPeople.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GraphStore graph;
    private final ScimTeams teams;

    ScimPeople(GraphStore graph, ScimTeams teams) {
        this.graph = graph;
        this.teams = teams;
    }

    /** The person already in the graph with one of the profile's addresses. */
    Optional<PersonId> byEmail(TenantId tenant, ScimProfile profile) {
        return profile.emails().stream().map(email -> graph.personByEmail(tenant, email)).flatMap(Optional::stream)
                .findFirst();
    }

    /** A fresh person id for a new person. */
    PersonId newId(TenantId tenant, ScimProfile profile) {
        if (profile.email() != null && Identifier.isValid(profile.email())) {
            PersonId byEmail = PersonId.of(profile.email());
            if (graph.person(tenant, byEmail).isEmpty()) {
                return byEmail;
            }
        }
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        return PersonId.of("scim-" + HexFormat.of().formatHex(random));
    }

    /**
     * Writes the person's card from the profile. For a new person whose email was taken meanwhile (Slack or Teams
     * made them a moment ago), links to that person instead and answers their id.
     */
    PersonId save(TenantId tenant, PersonId id, ScimProfile profile, List<TeamId> groups, boolean isNew) {
        try {
            write(tenant, id, profile, groups);
            return id;
        } catch (GraphException refused) {
            Optional<PersonId> other = isNew ? byEmail(tenant, profile).filter(found -> !found.equals(id))
                    : Optional.empty();
            if (other.isEmpty()) {
                throw refused;
            }
            log.info("Person {} of tenant {} arrived meanwhile with this email; provisioning links to them",
                    other.get(), tenant);
            write(tenant, other.get(), profile, groups);
            return other.get();
        }
    }

    /** Moves the person into {@code team} (a group they joined), keeping the rest of their card. */
    void moveTo(TenantId tenant, PersonId id, TeamId team) {
        graph.person(tenant, id).filter(person -> !team.equals(person.team()))
                .ifPresent(person -> graph.savePerson(tenant, person.withTeam(team)));
    }

    /** After leaving the group of {@code left}: their latest other group, else their department, else no team. */
    void leave(TenantId tenant, PersonId id, TeamId left, List<TeamId> otherGroups, String department) {
        graph.person(tenant, id).filter(person -> left.equals(person.team())).ifPresent(person -> {
            TeamId next = !otherGroups.isEmpty() ? otherGroups.get(otherGroups.size() - 1)
                    : department != null ? teams.department(tenant, department) : null;
            graph.savePerson(tenant, person.withTeam(next));
        });
    }

    private void write(TenantId tenant, PersonId id, ScimProfile profile, List<TeamId> groups) {
        Optional<Person> current = graph.person(tenant, id);
        TeamId team = team(tenant, current.orElse(null), profile, groups);
        Map<io.handoff.graph.Platform, String> identities = current.map(Person::identities).orElse(Map.of());
        Person person = new Person(id, profile.displayName(),
                profile.email() != null ? profile.email() : current.map(Person::email).orElse(null), team,
                profile.zone() != null ? profile.zone() : current.map(Person::timeZone).orElse(null), identities);
        if (current.isEmpty() || !current.get().equals(person)) {
            graph.savePerson(tenant, person);
        }
    }

    private TeamId team(TenantId tenant, Person current, ScimProfile profile, List<TeamId> groups) {
        if (!groups.isEmpty()) {
            return current != null && groups.contains(current.team()) ? current.team() : groups.get(groups.size() - 1);
        }
        if (profile.department() != null) {
            return teams.department(tenant, profile.department());
        }
        return current == null ? null : current.team();
    }
}
