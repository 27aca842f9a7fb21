package io.handoff.msteams;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.handoff.graph.GraphException;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Identifier;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;

/**
 * Finds the tenant of a Microsoft 365 organisation and the person behind a Teams user, creating them when they are
 * new. A Teams user is matched by their Entra object id first, then by email, so someone who already uses Handoff in
 * Slack (or came with the CSV roster) keeps one node in the graph with both identities.
 */
final class MsTeamsPeople {
    private static final Logger log = LoggerFactory.getLogger(MsTeamsPeople.class);

    private final GraphStore graph;
    private final Clock clock;

    MsTeamsPeople(GraphStore graph, Clock clock) {
        this.graph = graph;
        this.clock = clock;
    }

    /** The id a Microsoft 365 organisation's tenant gets when it first installs Handoff. */
    static TenantId newTenantId(String microsoftTenantId) {
        return TenantId.of("m365-" + microsoftTenantId.toLowerCase(Locale.ROOT));
    }

    /** The tenant of the Microsoft 365 organisation, created on first contact (the app was just installed). */
    TenantId tenant(String microsoftTenantId, String nameHint) {
        Optional<TenantId> known = graph.tenantForMicrosoft(microsoftTenantId);
        if (known.isPresent()) {
            return known.get();
        }
        TenantId id = newTenantId(microsoftTenantId);
        Optional<Tenant> existing = graph.tenant(id);
        String name = nameHint == null || nameHint.isBlank() ? "Microsoft 365 organisation " + microsoftTenantId
                : nameHint.strip();
        graph.saveTenant(existing.map(t -> new Tenant(t.id(), t.name(), t.slackEnterpriseId(), t.slackTeamId(),
                microsoftTenantId, t.createdAt())).orElseGet(() -> new Tenant(id, name.length() > Tenant.MAX_NAME
                ? name.substring(0, Tenant.MAX_NAME) : name, null, null, microsoftTenantId, clock.instant())));
        log.info("Microsoft 365 tenant {} installed Handoff as tenant '{}'", microsoftTenantId, id);
        return id;
    }

    /** The organisation's tenant and the Teams user's person there, if known ({@code GraphStore.microsoftActor}). */
    Optional<GraphStore.KnownActor> known(String microsoftTenantId, String aadObjectId) {
        return graph.microsoftActor(microsoftTenantId, aadObjectId);
    }

    /** Whether the person is still there (not forgotten or deleted since the activity found them). */
    boolean exists(TenantId tenant, PersonId person) {
        return graph.hasPerson(tenant, person);
    }

    /** Whether the Teams user is already known (no need to ask Teams for their email). */
    Optional<PersonId> known(TenantId tenant, String aadObjectId) {
        return graph.personByIdentity(tenant, Platform.TEAMS, aadObjectId);
    }

    /**
     * The person with this Entra object id: the one already linked, else the one with the email (now linked to
     * Teams too), else a new person.
     */
    PersonId resolve(TenantId tenant, String aadObjectId, String name, String email) {
        Optional<PersonId> linked = known(tenant, aadObjectId);
        if (linked.isPresent()) {
            return linked.get();
        }
        String address = validEmail(email);
        Optional<Person> byEmail = address == null ? Optional.empty()
                : graph.personByEmail(tenant, address).flatMap(id -> graph.person(tenant, id));
        if (byEmail.isPresent()) {
            Person person = byEmail.get().withIdentity(Platform.TEAMS, aadObjectId);
            graph.savePerson(tenant, person);
            log.info("Linked Teams user {} to person {} of {} by email", aadObjectId, person.id(), tenant);
            return person.id();
        }
        PersonId id = newId(tenant, address, aadObjectId);
        String displayName = name == null || name.isBlank() ? (address != null ? address : "Teams user") : name.strip();
        if (displayName.length() > Person.MAX_NAME) {
            displayName = displayName.substring(0, Person.MAX_NAME);
        }
        try {
            graph.savePerson(tenant, new Person(id, displayName, address, null, null,
                    Map.of(Platform.TEAMS, aadObjectId)));
        } catch (GraphException refused) {
            // The email was taken a moment ago (SCIM provisioning, Slack, a roster): that person is this user.
            Optional<Person> taken = address == null ? Optional.empty()
                    : graph.personByEmail(tenant, address).flatMap(found -> graph.person(tenant, found));
            if (taken.isEmpty()) {
                throw refused;
            }
            graph.savePerson(tenant, taken.get().withIdentity(Platform.TEAMS, aadObjectId));
            log.info("Linked Teams user {} to person {} of {} by email", aadObjectId, taken.get().id(), tenant);
            return taken.get().id();
        }
        log.info("New person {} in {} from Teams", id, tenant);
        return id;
    }

    private PersonId newId(TenantId tenant, String email, String aadObjectId) {
        if (email != null) {
            PersonId byEmail = Identifier.isValid(email) ? PersonId.of(email) : hashed(email);
            if (graph.person(tenant, byEmail).isEmpty()) {
                return byEmail;
            }
        }
        String fromAad = "teams-" + aadObjectId.toLowerCase(Locale.ROOT);
        return Identifier.isValid(fromAad) ? PersonId.of(fromAad) : hashed(aadObjectId);
    }

    private static PersonId hashed(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return PersonId.of("p-" + HexFormat.of().formatHex(digest, 0, 10));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String validEmail(String email) {
        if (email == null) {
            return null;
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        return address.length() <= Person.MAX_EMAIL && address.matches("[^@\\s]+@[^@\\s]+") ? address : null;
    }
}
