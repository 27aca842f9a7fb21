package io.handoff.graph;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The internal-customer graph of every tenant: tenants, teams, people and the handoffs between them.
 * Every write is atomic and idempotent: writing the same thing twice changes nothing.
 */
public interface GraphStore {

    void saveTenant(Tenant tenant);

    Optional<Tenant> tenant(TenantId id);

    /**
     * Writes the global registry entries (the tenant set and the platform index) of a tenant whose hash is already
     * stored, as {@link #saveTenant} does, without touching the hash: a tenant restored from an export is found by
     * its workspaces again. Returns the tenant, empty when it has no hash.
     */
    Optional<Tenant> register(TenantId id);

    List<TenantId> tenants();

    /** The tenant installed for a Slack Enterprise Grid org (by enterprise id) or a single workspace (by team id). */
    Optional<TenantId> tenantForSlack(String enterpriseId, String teamId);

    Optional<TenantId> tenantForMicrosoft(String microsoftTenantId);

    /**
     * Who acts in a chat request, as far as the graph already knows: the tenant installed for the workspace or org and
     * the person with the platform identity there (empty when that person is new).
     */
    record KnownActor(TenantId tenant, Optional<PersonId> person) {
    }

    /**
     * {@link #tenantForSlack} and {@link #personByIdentity} of the Slack user in one go; empty when no tenant is
     * installed for the workspace. The Redis store reads them in one round trip once it has read the global index for
     * the workspace and the index has not changed since (two otherwise: the index, then the tenant's keys).
     */
    default Optional<KnownActor> slackActor(String enterpriseId, String teamId, String slackUserId) {
        return tenantForSlack(enterpriseId, teamId)
                .map(tenant -> new KnownActor(tenant, personByIdentity(tenant, Platform.SLACK, slackUserId)));
    }

    /** {@link #tenantForMicrosoft} and {@link #personByIdentity} of the Teams (Entra) user in one go, as above. */
    default Optional<KnownActor> microsoftActor(String microsoftTenantId, String aadObjectId) {
        return tenantForMicrosoft(microsoftTenantId)
                .map(tenant -> new KnownActor(tenant, personByIdentity(tenant, Platform.TEAMS, aadObjectId)));
    }

    /** Whether the person exists (cheaper than reading them). */
    default boolean hasPerson(TenantId tenant, PersonId id) {
        return person(tenant, id).isPresent();
    }

    void saveTeam(TenantId tenant, Team team);

    /** Creates or updates a person; a new team moves the counters of all their handoffs to the new team. */
    void savePerson(TenantId tenant, Person person);

    Optional<Person> person(TenantId tenant, PersonId id);

    Optional<PersonId> personByIdentity(TenantId tenant, Platform platform, String externalId);

    /**
     * The people behind several ids of one platform (a people picker's choice): external id → person, only for the
     * ids Handoff knows. The Redis store reads them all in one round trip.
     */
    default Map<String, PersonId> peopleByIdentity(TenantId tenant, Platform platform, List<String> externalIds) {
        Map<String, PersonId> found = new LinkedHashMap<>();
        for (String id : externalIds) {
            personByIdentity(tenant, platform, id).ifPresent(person -> found.put(id, person));
        }
        return found;
    }

    /** The person with this email address (case-insensitive), e.g. to match a roster row or a Slack profile. */
    Optional<PersonId> personByEmail(TenantId tenant, String email);

    /** Deletes the person and every handoff naming them. Returns false when there was no such person. */
    boolean deletePerson(TenantId tenant, PersonId id);

    Optional<Handoff> handoff(TenantId tenant, PersonId upstream, PersonId downstream);

    /**
     * Applies {@code change} to the current edge (empty when there is none) and stores the result atomically, or
     * removes the edge when the result is empty. If someone else changed the edge meanwhile, {@code change} runs again
     * on the newer value. Both people must exist.
     */
    Optional<Handoff> update(TenantId tenant, PersonId upstream, PersonId downstream,
                             UnaryOperator<Optional<Handoff>> change);

    /** {@code by} names the handoff upstream → downstream; the second side naming it confirms it. */
    default Handoff claim(TenantId tenant, PersonId upstream, PersonId downstream, HandoffTerms terms, Side by,
                          Instant now) {
        return update(tenant, upstream, downstream, current -> Optional.of(current
                .map(edge -> edge.claimedAgainBy(by, terms, now))
                .orElseGet(() -> Handoff.claimed(upstream, downstream, terms, by, now)))).orElseThrow();
    }

    /** {@code by} confirms an existing handoff (or re-confirms a stale one). */
    default Handoff confirm(TenantId tenant, PersonId upstream, PersonId downstream, Side by, Instant now) {
        return update(tenant, upstream, downstream, current -> Optional.of(current
                .orElseThrow(() -> new GraphException("there is no handoff from " + upstream + " to " + downstream))
                .confirmedBy(by, now))).orElseThrow();
    }

    /** {@code by} says the handoff does not exist as claimed. */
    default Handoff dispute(TenantId tenant, PersonId upstream, PersonId downstream, Side by, Instant now) {
        return update(tenant, upstream, downstream, current -> Optional.of(current
                .orElseThrow(() -> new GraphException("there is no handoff from " + upstream + " to " + downstream))
                .disputedBy(by, now))).orElseThrow();
    }

    default void removeHandoff(TenantId tenant, PersonId upstream, PersonId downstream) {
        update(tenant, upstream, downstream, current -> Optional.empty());
    }

    /**
     * Stores the handoffs as they are given (an import or a restore), replacing any edge between the same two people;
     * of two handoffs between the same two people the later one given wins. Works in batches of
     * {@link #IMPORT_BATCH} edges, written with the handoffs of people who work together in the same batches (not in
     * the order given): each batch is one atomic write that keeps the team counters right, and a batch naming a person
     * who does not exist is refused whole, after the batches written before it. Returns how many edges were new or
     * changed; importing the same handoffs again changes nothing.
     */
    int importHandoffs(TenantId tenant, List<Handoff> handoffs);

    /** How many handoffs {@link #importHandoffs} writes in one atomic batch. */
    int IMPORT_BATCH = 500;

    /**
     * Everyone within {@code depth} (1 to {@link Neighbourhood#MAX_DEPTH}) handoffs of {@code centre}; the outermost
     * ring carries name, team and time zone only (see {@link Neighbourhood}).
     */
    Neighbourhood neighbourhood(TenantId tenant, PersonId centre, int depth);

    /**
     * The chain that starts at {@code people} and the members of {@code teams}, walked {@code towards} suppliers
     * ({@link Side#UPSTREAM}) or customers ({@link Side#DOWNSTREAM}) through confirmed and claimed handoffs (disputed
     * ones are not walked) for {@code depth} (1 to {@link #MAX_CHAIN_DEPTH}) handoffs: one pipelined read of the teams' members, then one read
     * per ring. The view's teams are those of its people and every team of {@code teams} that exists; the outermost
     * ring carries name, team and time zone only. People who do not exist are left out.
     */
    OrgGraph chain(TenantId tenant, Set<PersonId> people, Set<TeamId> teams, Side towards, int depth);

    /** The deepest {@link #chain} walk. */
    int MAX_CHAIN_DEPTH = 8;

    /** The whole graph of a tenant. Reads every person; use {@link #teamMap} for org-wide team views. */
    OrgGraph graph(TenantId tenant);

    /** The team-level map from the incrementally kept counters, in one round trip. */
    TeamMap teamMap(TenantId tenant);
}
