package io.handoff.journey;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import io.handoff.graph.CustomerMoments;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.Names;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Side;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.map.DatedFriction;
import io.handoff.graph.UnknownPersonException;
import io.handoff.map.FrictionScores;

/**
 * The blueprint of a journey and a person's line of sight, over the chain of handoffs behind the journey's owners or
 * ahead of the person ({@link GraphStore#chain}, one read per ring) and the stored journeys; friction from the
 * maps' {@link FrictionScores} port, read once per query.
 */
public final class JourneyQueries {
    private final GraphStore graph;
    private final Journeys journeys;
    private final FrictionScores friction;
    private final ToIntFunction<TenantId> minRespondents;
    private final Function<TenantId, Duration> staleAfter;
    private final int depth;
    private final int backstageLimit;
    private final Clock clock;

    public JourneyQueries(GraphStore graph, Journeys journeys, FrictionScores friction,
                          ToIntFunction<TenantId> minRespondents, Function<TenantId, Duration> staleAfter, int depth,
                          Clock clock) {
        this(graph, journeys, friction, minRespondents, staleAfter, depth, Blueprints.NO_LIMIT, clock);
    }

    /** With at most {@code backstageLimit} backstage handoffs per touchpoint, the most critical first. */
    public JourneyQueries(GraphStore graph, Journeys journeys, FrictionScores friction,
                          ToIntFunction<TenantId> minRespondents, Function<TenantId, Duration> staleAfter, int depth,
                          int backstageLimit, Clock clock) {
        this.graph = Objects.requireNonNull(graph);
        this.journeys = Objects.requireNonNull(journeys);
        this.friction = Objects.requireNonNull(friction);
        this.minRespondents = Objects.requireNonNull(minRespondents);
        this.staleAfter = Objects.requireNonNull(staleAfter);
        this.depth = Blueprints.requireDepth(depth);
        this.backstageLimit = backstageLimit;
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Friction for "moved together": per handoff, the latest closed period with enough answers among the latest
     * {@link DatedFriction#LOOK_BACK}, the downstream's team read from the graph.
     */
    public java.util.function.BiFunction<PersonId, PersonId, Optional<DatedFriction>> recentFriction(TenantId tenant) {
        DatedFriction.Lookup lookup = friction.recent(tenant, DatedFriction.LOOK_BACK);
        return (up, down) -> lookup.of(up, down, graph.person(tenant, down).flatMap(Person::teamId));
    }

    /** The default depth of the backstage walk (handoff.journeys.blueprint-depth). */
    public int depth() {
        return depth;
    }

    /** The most backstage handoffs a blueprint lists per touchpoint (handoff.journeys.backstage-limit). */
    public int backstageLimit() {
        return backstageLimit;
    }

    /**
     * The blueprint over the chain behind the journey's owners: one read of their teams and strings, then one read per
     * level of the walk for all touchpoints together; at most the backstage limit of handoffs per touchpoint.
     */
    public Blueprint blueprint(TenantId tenant, JourneyId id, int depth) {
        Journey journey = journeys.journey(tenant, id).orElseThrow(() -> new UnknownJourneyException(id));
        Set<PersonId> people = new HashSet<>();
        Set<TeamId> teams = new HashSet<>();
        for (Touchpoint touchpoint : journey.touchpoints()) {
            people.addAll(touchpoint.ownerPeople());
            teams.addAll(touchpoint.ownerTeams());
        }
        Blueprints.requireDepth(depth);
        OrgGraph front = graph.chain(tenant, people, teams, Side.UPSTREAM, 1);
        Set<PersonId> read = new HashSet<>();
        front.people().values().stream()
                .filter(p -> people.contains(p.id()) || p.team() != null && teams.contains(p.team()))
                .forEach(p -> read.add(p.id()));
        Map<PersonId, Person> known = new HashMap<>(front.people());
        Blueprints.MoreUpstream more = unread -> {
            OrgGraph found = graph.chain(tenant, unread, Set.of(), Side.UPSTREAM, 1);
            known.putAll(found.people());
            return found;
        };
        FrictionScores.HandoffLookup lookup = friction.handoffs(tenant);
        return new Blueprints(front, read, more, backstageLimit, depth, clock.instant(), staleAfter.apply(tenant),
                (up, down) -> lookup.of(up, down, Optional.ofNullable(known.get(down)).flatMap(Person::teamId)),
                minRespondents.applyAsInt(tenant)).blueprint(journey);
    }

    /** Line of sight over the chain ahead of the person: one read per ring towards customers, and the journeys. */
    public LineOfSight lineOfSight(TenantId tenant, PersonId person, int depth) {
        OrgGraph ahead = ahead(tenant, person, Blueprints.requireDepth(depth));
        if (!ahead.people().containsKey(person)) {
            throw new UnknownPersonException(person);
        }
        return blueprints(tenant, ahead, depth).lineOfSight(person, journeys.journeys(tenant));
    }

    private OrgGraph ahead(TenantId tenant, PersonId person, int depth) {
        return graph.chain(tenant, Set.of(person), Set.of(), Side.DOWNSTREAM, depth);
    }

    /**
     * The customer moments {@code person}'s work reaches (line of sight), game over first then nearest, one per
     * touchpoint, with first names of the people on the way and what the person hands the first of them; empty for
     * a person the graph does not know.
     */
    public List<CustomerMoments.Moment> moments(TenantId tenant, PersonId person) {
        OrgGraph org = ahead(tenant, person, depth);
        if (!org.people().containsKey(person)) {
            return List.of();
        }
        LineOfSight sight = blueprints(tenant, org, depth).lineOfSight(person, journeys.journeys(tenant));
        List<CustomerMoments.Moment> moments = new ArrayList<>();
        for (LineOfSight.Reach reach : sight.reaches()) {
            List<String> through = reach.through().stream()
                    .map(id -> org.person(id).map(Names::first).orElse(id.value())).toList();
            String what = reach.through().isEmpty() ? "" : org.edges().stream()
                    .filter(e -> e.upstream().equals(person) && e.downstream().equals(reach.through().get(0)))
                    .map(Handoff::what).findFirst().orElse("");
            moments.add(new CustomerMoments.Moment(reach.journeyName(), reach.touchpointName(),
                    reach.weight() == Weight.GAME_OVER, reach.hops(), through, what));
        }
        return moments;
    }

    private Blueprints blueprints(TenantId tenant, OrgGraph org, int depth) {
        FrictionScores.HandoffLookup lookup = friction.handoffs(tenant);
        return new Blueprints(org, depth, clock.instant(), staleAfter.apply(tenant),
                (up, down) -> lookup.of(up, down, org.teamOf(down)), minRespondents.applyAsInt(tenant));
    }
}
