package io.handoff.scim;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceConflictException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;

import io.handoff.graph.GraphStore;
import io.handoff.graph.Identifier;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.scim.ScimStore.UserRecord;

/**
 * The Users resource: create, read, list with a filter, replace (PUT), PATCH, delete. A PATCH is applied to the
 * stored resource and then written like a PUT, so every write goes one way: the profile to the graph
 * ({@link ScimPeople}), the record to Redis ({@link ScimStore}, compare-and-set on its version; a PATCH that lost a
 * race is applied again to the newer record). {@code active: false} and DELETE mark the person deprovisioned (the
 * delivery rules then drop every message to them); the person stays in the graph for the tenant's retention.
 */
@Component
class ScimUsers {
    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final Set<String> FILTERS = Set.of("userName", "externalId", ScimFilters.EMAIL);
    private static final Logger log = LoggerFactory.getLogger(ScimUsers.class);
    private static final int MAX_ATTEMPTS = 5;

    private final ScimStore store;
    private final ScimPeople people;
    private final ScimTeams teams;
    private final GraphStore graph;
    private final Clock clock;

    ScimUsers(ScimStore store, ScimPeople people, ScimTeams teams, GraphStore graph, Clock clock) {
        this.store = store;
        this.people = people;
        this.teams = teams;
        this.graph = graph;
        this.clock = clock;
    }

    ObjectNode create(TenantId tenant, ObjectNode body, String base) throws ScimException {
        ObjectNode resource = storable(body);
        ScimProfile profile = ScimProfile.of(user(resource));
        if (store.userByName(tenant, profile.userName()).isPresent()) {
            throw ResourceConflictException.uniqueness("a user with userName '" + profile.userName() + "' exists");
        }
        if (profile.externalId() != null && store.userByExternalId(tenant, profile.externalId()).isPresent()) {
            throw ResourceConflictException.uniqueness("a user with this externalId exists");
        }
        Optional<PersonId> linked = people.byEmail(tenant, profile);
        if (linked.isPresent() && store.user(tenant, linked.get()).isPresent()) {
            throw ResourceConflictException.uniqueness("the person with email '" + profile.email()
                    + "' is already provisioned under another userName");
        }
        PersonId proposed = linked.orElseGet(() -> people.newId(tenant, profile));
        PersonId id = people.save(tenant, proposed, profile, List.of(), linked.isEmpty());
        boolean created = linked.isEmpty() && id.equals(proposed);
        long version = store.putUser(tenant, id, null, profile.userName(), profile.externalId(), profile.active(),
                ScimJson.write(resource), profile.manager(), clock.instant());
        if (version < 0) {
            if (created) {
                graph.deletePerson(tenant, id);
            }
            throw conflict(version);
        }
        log.info("SCIM provisioned person {} of tenant {}{}", id, tenant, created ? "" : " (linked by email)");
        return view(tenant, store.user(tenant, id).orElseThrow(), base);
    }

    ObjectNode get(TenantId tenant, String id, String base) throws ScimException {
        return view(tenant, record(tenant, id), base);
    }

    ListResponse<ObjectNode> list(TenantId tenant, String filter, Integer startIndex, Integer count, String base)
            throws ScimException {
        Paging paging = Paging.of(startIndex, count);
        if (filter != null && !filter.isBlank()) {
            ScimFilters eq = ScimFilters.parse(filter, FILTERS);
            Optional<PersonId> found = switch (eq.attribute()) {
                case "userName" -> store.userByName(tenant, eq.value());
                case "externalId" -> store.userByExternalId(tenant, eq.value());
                default -> graph.personByEmail(tenant, eq.value());
            };
            Optional<UserRecord> user = found.flatMap(id -> store.user(tenant, id));
            List<ObjectNode> matches = user.isPresent() && eq.matches(resource(user.get()))
                    ? List.of(view(tenant, user.get(), base)) : List.of();
            return paging.page(matches);
        }
        long total = store.userCount(tenant);
        List<ObjectNode> resources = new ArrayList<>();
        for (UserRecord user : store.users(tenant, store.userPage(tenant, paging.offset(), paging.count()))) {
            resources.add(view(tenant, user, base));
        }
        return paging.of(total, resources);
    }

    ObjectNode replace(TenantId tenant, String id, ObjectNode body, String base) throws ScimException {
        ObjectNode resource = storable(body);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            UserRecord current = record(tenant, id);
            if (write(tenant, current, resource)) {
                return view(tenant, store.user(tenant, current.person()).orElseThrow(), base);
            }
        }
        throw new ResourceConflictException("the user changed while this request was applied; try again");
    }

    ObjectNode patch(TenantId tenant, String id, ObjectNode body, String base) throws ScimException {
        PatchRequest request = ScimPatches.read(body);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            UserRecord current = record(tenant, id);
            ObjectNode resource = resource(current);
            resource.put("id", current.person().value());
            resource.put("active", current.active());
            ObjectNode patched = storable(ScimPatches.apply(request, resource));
            if (write(tenant, current, patched)) {
                return view(tenant, store.user(tenant, current.person()).orElseThrow(), base);
            }
        }
        throw new ResourceConflictException("the user changed while this request was applied; try again");
    }

    void delete(TenantId tenant, String id) throws ScimException {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            UserRecord current = record(tenant, id);
            if (store.deleteUser(tenant, current, clock.instant())) {
                ScimProfile profile = ScimProfile.of(user(resource(current)));
                for (TeamId group : current.groups()) {
                    people.leave(tenant, current.person(), group, List.of(), profile.department());
                }
                log.info("SCIM deleted user {} of tenant {}: the person is deprovisioned", current.person(), tenant);
                return;
            }
        }
        throw new ResourceConflictException("the user changed while this request was applied; try again");
    }

    /** Writes a new version of an existing user; false when the record changed since it was read. */
    private boolean write(TenantId tenant, UserRecord current, ObjectNode resource) throws ScimException {
        ScimProfile profile = ScimProfile.of(user(resource));
        Optional<PersonId> owner = store.userByName(tenant, profile.userName());
        if (owner.isPresent() && !owner.get().equals(current.person())) {
            throw ResourceConflictException.uniqueness("a user with userName '" + profile.userName() + "' exists");
        }
        if (profile.email() != null) {
            Optional<PersonId> byEmail = graph.personByEmail(tenant, profile.email());
            if (byEmail.isPresent() && !byEmail.get().equals(current.person())) {
                throw ResourceConflictException.uniqueness("the email '" + profile.email()
                        + "' belongs to another person");
            }
        }
        people.save(tenant, current.person(), profile, current.groups(), false);
        long version = store.putUser(tenant, current.person(), current.version(), profile.userName(),
                profile.externalId(), profile.active(), ScimJson.write(resource), profile.manager(), clock.instant());
        if (version == -2) {
            return false;
        }
        if (version < 0) {
            throw conflict(version);
        }
        if (!java.util.Objects.equals(profile.manager(), current.manager())) {
            for (TeamId group : current.groups()) {
                store.group(tenant, group).ifPresent(g -> teams.updateManagers(tenant, group, g.members()));
            }
        }
        if (current.active() != profile.active()) {
            log.info("SCIM {} person {} of tenant {}", profile.active() ? "reactivated" : "deactivated",
                    current.person(), tenant);
        }
        return true;
    }

    private UserRecord record(TenantId tenant, String id) throws ScimException {
        if (!Identifier.isValid(id)) {
            throw new ResourceNotFoundException("no user with this id");
        }
        return store.user(tenant, PersonId.of(id))
                .orElseThrow(() -> new ResourceNotFoundException("no user with this id"));
    }

    private static UserResource user(ObjectNode resource) throws ScimException {
        return ScimJson.value(resource, UserResource.class);
    }

    private static ObjectNode resource(UserRecord user) throws ScimException {
        return ScimJson.object(user.resource());
    }

    /** The resource as kept: what the identity provider sent, without id, meta, groups and password. */
    private static ObjectNode storable(ObjectNode body) throws ScimException {
        ObjectNode copy = body.deepCopy();
        for (String field : List.of("id", "meta", "groups", "password")) {
            removeIgnoringCase(copy, field);
        }
        ArrayNode schemas = copy.has("schemas") && copy.get("schemas").isArray() ? (ArrayNode) copy.get("schemas")
                : copy.putArray("schemas");
        if (schemas.isEmpty()) {
            schemas.add(USER_SCHEMA);
        }
        if (copy.has("active") && !copy.get("active").isBoolean()) {
            String text = copy.get("active").asText();
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw BadRequestException.invalidValue("'active' must be true or false");
            }
            copy.put("active", Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT)));
        }
        return copy;
    }

    static void removeIgnoringCase(ObjectNode node, String field) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (name.equalsIgnoreCase(field)) {
                names.add(name);
            }
        });
        node.remove(names);
    }

    private ObjectNode view(TenantId tenant, UserRecord user, String base) {
        ObjectNode node;
        try {
            node = resource(user);
        } catch (ScimException e) {
            node = JsonUtils.getJsonNodeFactory().objectNode();
        }
        node.put("id", user.person().value());
        node.put("active", user.active());
        if (!user.groups().isEmpty()) {
            ArrayNode groups = node.putArray("groups");
            for (ScimStore.GroupRecord group : store.groups(tenant, user.groups())) {
                groups.addObject().put("value", group.team().value()).put("display", group.displayName())
                        .put("$ref", base + "/Groups/" + group.team().value());
            }
        }
        node.set("meta", ScimMeta.of("User", user.created(), user.modified(), user.version(),
                base + "/Users/" + user.person().value()));
        return node;
    }

    static ScimException conflict(long result) {
        return switch ((int) result) {
            case -3 -> ResourceConflictException.uniqueness("the userName or displayName is taken");
            case -4 -> ResourceConflictException.uniqueness("the externalId is taken");
            case -1 -> ResourceConflictException.uniqueness("this resource exists already");
            default -> new ResourceConflictException("the resource changed while this request was applied");
        };
    }
}
