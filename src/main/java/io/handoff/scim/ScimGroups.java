package io.handoff.scim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.utils.JsonUtils;

import io.handoff.graph.Identifier;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.scim.ScimStore.GroupRecord;

/**
 * The Groups resource: a group is a team of the graph (found by name or made, {@link ScimTeams}); its members are
 * provisioned users, who move into the team when added and out of it when removed ({@link ScimPeople}); its managers
 * are the members other members name as their manager ({@link ScimTeams#updateManagers}). Renaming the group renames
 * the team; deleting it keeps the team (its history stays) and moves its members out.
 */
@Component
class ScimGroups {
    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final Set<String> FILTERS = Set.of("displayName", "externalId");
    private static final Logger log = LoggerFactory.getLogger(ScimGroups.class);
    private static final int MAX_ATTEMPTS = 5;

    private final ScimStore store;
    private final ScimTeams teams;
    private final ScimPeople people;
    private final Clock clock;

    ScimGroups(ScimStore store, ScimTeams teams, ScimPeople people, Clock clock) {
        this.store = store;
        this.teams = teams;
        this.people = people;
        this.clock = clock;
    }

    /** What a group request asks for. */
    private record Wanted(String displayName, String externalId, Set<String> members) {
    }

    ObjectNode create(TenantId tenant, ObjectNode body, String base) throws ScimException {
        Wanted wanted = wanted(body);
        if (store.groupByName(tenant, wanted.displayName()).isPresent()) {
            throw ResourceConflictException.uniqueness("a group named '" + wanted.displayName() + "' exists");
        }
        if (wanted.externalId() != null && store.groupByExternalId(tenant, wanted.externalId()).isPresent()) {
            throw ResourceConflictException.uniqueness("a group with this externalId exists");
        }
        requireUsers(tenant, wanted.members());
        TeamId team = teams.forGroup(tenant, wanted.displayName());
        long version = store.putGroup(tenant, team, null, wanted.displayName(), wanted.externalId(),
                wanted.members(), Set.of(), clock.instant());
        if (version < 0) {
            throw version == -5 ? BadRequestException.invalidValue("a member is not a provisioned user")
                    : ScimUsers.conflict(version);
        }
        wanted.members().forEach(person -> people.moveTo(tenant, PersonId.of(person), team));
        teams.updateManagers(tenant, team, wanted.members());
        log.info("SCIM provisioned group {} of tenant {} with {} members", team, tenant, wanted.members().size());
        return view(record(tenant, team.value()), base, false);
    }

    ObjectNode get(TenantId tenant, String id, String base, boolean withoutMembers) throws ScimException {
        return view(record(tenant, id), base, withoutMembers);
    }

    ListResponse<ObjectNode> list(TenantId tenant, String filter, Integer startIndex, Integer count, String base,
                                  boolean withoutMembers) throws ScimException {
        Paging paging = Paging.of(startIndex, count);
        if (filter != null && !filter.isBlank()) {
            ScimFilters eq = ScimFilters.parse(filter, FILTERS);
            Optional<TeamId> found = eq.attribute().equals("displayName") ? store.groupByName(tenant, eq.value())
                    : store.groupByExternalId(tenant, eq.value());
            List<ObjectNode> matches = found.flatMap(team -> store.group(tenant, team))
                    .map(group -> List.of(view(group, base, withoutMembers))).orElse(List.of());
            return paging.page(matches);
        }
        List<ObjectNode> page = new ArrayList<>();
        for (GroupRecord group : store.groups(tenant, store.groupPage(tenant, paging.offset(), paging.count()))) {
            page.add(view(group, base, withoutMembers));
        }
        return paging.of(store.groupCount(tenant), page);
    }

    ObjectNode replace(TenantId tenant, String id, ObjectNode body, String base) throws ScimException {
        Wanted wanted = wanted(body);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            GroupRecord current = record(tenant, id);
            if (write(tenant, current, wanted)) {
                return view(record(tenant, id), base, false);
            }
        }
        throw new ResourceConflictException("the group changed while this request was applied; try again");
    }

    /** Applies the PATCH; answers the group, or empty (204) when the request changed only members. */
    ObjectNode patch(TenantId tenant, String id, ObjectNode body, String base) throws ScimException {
        PatchRequest request = ScimPatches.read(body);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            GroupRecord current = record(tenant, id);
            ObjectNode patched = ScimPatches.apply(request, view(current, base, false));
            if (write(tenant, current, wanted(patched))) {
                return view(record(tenant, id), base, false);
            }
        }
        throw new ResourceConflictException("the group changed while this request was applied; try again");
    }

    void delete(TenantId tenant, String id) throws ScimException {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            GroupRecord current = record(tenant, id);
            if (store.deleteGroup(tenant, current)) {
                leave(tenant, current.team(), current.members());
                log.info("SCIM deleted group {} of tenant {} (the team stays)", current.team(), tenant);
                return;
            }
        }
        throw new ResourceConflictException("the group changed while this request was applied; try again");
    }

    private boolean write(TenantId tenant, GroupRecord current, Wanted wanted) throws ScimException {
        Optional<TeamId> owner = store.groupByName(tenant, wanted.displayName());
        if (owner.isPresent() && !owner.get().equals(current.team())) {
            throw ResourceConflictException.uniqueness("a group named '" + wanted.displayName() + "' exists");
        }
        Set<String> added = new TreeSet<>(wanted.members());
        added.removeAll(current.members());
        Set<String> removed = new TreeSet<>(current.members());
        removed.removeAll(wanted.members());
        requireUsers(tenant, added);
        long version = store.putGroup(tenant, current.team(), current.version(), wanted.displayName(),
                wanted.externalId(), added, removed, clock.instant());
        if (version == -2) {
            return false;
        }
        if (version < 0) {
            throw version == -5 ? BadRequestException.invalidValue("a member is not a provisioned user")
                    : ScimUsers.conflict(version);
        }
        if (!wanted.displayName().equals(current.displayName())) {
            teams.rename(tenant, current.team(), wanted.displayName());
        }
        added.forEach(person -> people.moveTo(tenant, PersonId.of(person), current.team()));
        leave(tenant, current.team(), removed);
        teams.updateManagers(tenant, current.team(), wanted.members());
        return true;
    }

    private void leave(TenantId tenant, TeamId team, Set<String> members) {
        for (ScimStore.UserRecord user : store.users(tenant, members.stream().map(PersonId::of).toList())) {
            String department = null;
            try {
                department = ScimProfile.of(ScimJson.value(ScimJson.object(user.resource()),
                        com.unboundid.scim2.common.types.UserResource.class)).department();
            } catch (ScimException unreadable) {
                // no department then
            }
            people.leave(tenant, user.person(), team, user.groups(), department);
        }
    }

    private void requireUsers(TenantId tenant, Set<String> members) throws ScimException {
        List<PersonId> ids = new ArrayList<>();
        for (String member : members) {
            if (!Identifier.isValid(member)) {
                throw BadRequestException.invalidValue("a member is not a provisioned user");
            }
            ids.add(PersonId.of(member));
        }
        if (store.users(tenant, ids).size() != ids.size()) {
            throw BadRequestException.invalidValue("a member is not a provisioned user");
        }
    }

    private static Wanted wanted(ObjectNode body) throws ScimException {
        ObjectNode copy = body.deepCopy();
        JsonNode members = ScimPatches.field(copy, "members");
        for (String field : List.of("id", "meta", "members")) {
            ScimUsers.removeIgnoringCase(copy, field);
        }
        GroupResource group = ScimJson.value(copy, GroupResource.class);
        String name = ScimProfile.required("displayName", group.getDisplayName());
        if (name.length() > io.handoff.graph.Team.MAX_NAME) {
            throw BadRequestException.invalidValue("'displayName' may be at most 200 characters");
        }
        Set<String> ids = new LinkedHashSet<>();
        if (members != null && !members.isNull()) {
            if (!members.isArray()) {
                throw BadRequestException.invalidValue("'members' must be a list");
            }
            for (Member member : ScimJson.value(members, Member[].class)) {
                if (member == null || member.getValue() == null || member.getValue().isBlank()) {
                    throw BadRequestException.invalidValue("each member needs a 'value'");
                }
                ids.add(member.getValue().strip());
            }
        }
        return new Wanted(name, ScimProfile.optional("externalId", group.getExternalId()), ids);
    }

    private GroupRecord record(TenantId tenant, String id) throws ScimException {
        if (!Identifier.isValid(id)) {
            throw new ResourceNotFoundException("no group with this id");
        }
        return store.group(tenant, TeamId.of(id))
                .orElseThrow(() -> new ResourceNotFoundException("no group with this id"));
    }

    private static ObjectNode view(GroupRecord group, String base, boolean withoutMembers) {
        ObjectNode node = JsonUtils.getJsonNodeFactory().objectNode();
        node.putArray("schemas").add(GROUP_SCHEMA);
        node.put("id", group.team().value());
        if (group.externalId() != null) {
            node.put("externalId", group.externalId());
        }
        node.put("displayName", group.displayName());
        if (!withoutMembers) {
            ArrayNode members = node.putArray("members");
            for (String member : group.members()) {
                members.addObject().put("value", member).put("$ref", base + "/Users/" + member);
            }
        }
        node.set("meta", ScimMeta.of("Group", group.created(), group.modified(), group.version(),
                base + "/Groups/" + group.team().value()));
        return node;
    }
}
