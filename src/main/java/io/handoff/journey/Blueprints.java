package io.handoff.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.handoff.graph.EdgeStatus;
import io.handoff.graph.Handoff;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Refusal;
import io.handoff.graph.TeamId;
import io.handoff.map.FrictionAggregate;

/**
 * The blueprint and line-of-sight queries, pure Java over one read of the graph ({@link OrgGraph}). The backstage of
 * a touchpoint is walked upstream from its front-line people, breadth first, through confirmed and claimed handoffs
 * (disputed ones are not walked), to {@code depth} hops; a person is expanded once, so cycles end; each handoff is
 * listed once, at its shortest distance from the front line.
 */
final class Blueprints {
    public static final int MAX_DEPTH = 8;

    /** Friction of a handoff as the maps show it: empty below the tenant's minimum of respondents. */
    @FunctionalInterface
    public interface Friction {
        Optional<FrictionAggregate> of(PersonId upstream, PersonId downstream);

        Friction NONE = (up, down) -> Optional.empty();
    }

    /**
     * Reads more of the graph as the backstage walk goes: the chain one handoff upstream of people whose strings
     * have not been read yet (one read per level of the walk, for all touchpoints together).
     */
    @FunctionalInterface
    public interface MoreUpstream {
        OrgGraph of(Set<PersonId> people);
    }

    /** No backstage limit: every handoff within the depth is listed. */
    public static final int NO_LIMIT = Integer.MAX_VALUE;

    private final OrgGraph graph;
    private final int depth;
    private final Instant now;
    private final Duration staleAfter;
    private final Friction friction;
    private final int minRespondents;
    private final int backstageLimit;
    private final MoreUpstream more;
    private final Set<PersonId> read;
    private final Map<PersonId, Person> people;
    private final Map<PersonId, List<Handoff>> upstreamOf = new HashMap<>();
    private final Map<PersonId, List<Handoff>> downstreamOf = new HashMap<>();

    /** The queries over a whole graph, every backstage handoff within {@code depth} listed. */
    public Blueprints(OrgGraph graph, int depth, Instant now, Duration staleAfter, Friction friction,
                      int minRespondents) {
        this(graph, graph.people().keySet(), people -> new OrgGraph(Map.of(), Map.of(), List.of()), NO_LIMIT, depth,
                now, staleAfter, friction, minRespondents);
    }

    /**
     * The queries over part of a graph: {@code read} are the people whose handoffs {@code graph} holds in full
     * (the rest are read through {@code more} when the walk reaches them). Each touchpoint's backstage lists at most
     * {@code backstageLimit} handoffs, the most critical first at each level.
     */
    public Blueprints(OrgGraph graph, Set<PersonId> read, MoreUpstream more, int backstageLimit, int depth,
                      Instant now, Duration staleAfter, Friction friction, int minRespondents) {
        this.graph = graph;
        this.depth = requireDepth(depth);
        this.now = now;
        this.staleAfter = staleAfter;
        this.friction = friction;
        this.minRespondents = minRespondents;
        if (backstageLimit < 1) {
            throw new IllegalArgumentException("the backstage limit must be at least 1");
        }
        this.backstageLimit = backstageLimit;
        this.more = more;
        this.read = new HashSet<>(read);
        this.people = new HashMap<>(graph.people());
        take(graph.edges());
        downstreamOf.values().forEach(edges -> edges.sort(Comparator.comparing(Handoff::downstream)));
    }

    private void take(List<Handoff> edges) {
        for (Handoff edge : edges) {
            if (edge.status() != EdgeStatus.DISPUTED) {
                upstreamOf.computeIfAbsent(edge.downstream(), p -> new ArrayList<>()).add(edge);
                downstreamOf.computeIfAbsent(edge.upstream(), p -> new ArrayList<>()).add(edge);
            }
        }
    }

    public static int requireDepth(int depth) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new Refusal("depth must be between 1 and " + MAX_DEPTH + " (was " + depth + ")");
        }
        return depth;
    }

    public Blueprint blueprint(Journey journey) {
        Map<TouchpointId, Walk> walks = new LinkedHashMap<>();
        Map<TouchpointId, Owners> owners = new HashMap<>();
        Map<TouchpointId, List<FrontLine>> fronts = new HashMap<>();
        for (Touchpoint touchpoint : journey.touchpoints()) {
            Owners owned = owners(touchpoint);
            List<FrontLine> front = frontLine(owned);
            owners.put(touchpoint.id(), owned);
            fronts.put(touchpoint.id(), front);
            walks.put(touchpoint.id(), new Walk(front.stream().map(FrontLine::person).toList()));
        }
        for (int level = 0; level < depth; level++) {
            Set<PersonId> unread = new HashSet<>();
            walks.values().forEach(w -> w.frontier.stream().filter(p -> !read.contains(p)).forEach(unread::add));
            if (!unread.isEmpty()) {
                OrgGraph found = more.of(unread);
                found.people().forEach((id, person) -> {
                    if (unread.contains(id) || !people.containsKey(id)) {
                        people.put(id, person);
                    }
                });
                take(found.edges());
                read.addAll(unread);
            }
            for (Walk walk : walks.values()) {
                walk.step(level);
            }
        }
        List<Blueprint.StagePlan> stages = new ArrayList<>();
        for (Stage stage : journey.stages()) {
            stages.add(new Blueprint.StagePlan(stage.name(), stage.touchpoints().stream()
                    .map(t -> plan(t, owners.get(t.id()), fronts.get(t.id()), walks.get(t.id()))).toList()));
        }
        return new Blueprint(journey, depth, stages);
    }

    /** The touchpoint's owners as they stand in the graph now. */
    public Owners owners(Touchpoint touchpoint) {
        List<TeamId> teams = new ArrayList<>();
        List<TeamId> missingTeams = new ArrayList<>();
        touchpoint.ownerTeams().forEach(t -> (graph.teams().containsKey(t) ? teams : missingTeams).add(t));
        List<PersonId> people = new ArrayList<>();
        List<PersonId> missingPeople = new ArrayList<>();
        touchpoint.ownerPeople().forEach(p -> (graph.people().containsKey(p) ? people : missingPeople).add(p));
        return new Owners(teams, people, missingTeams, missingPeople);
    }

    private Blueprint.TouchpointPlan plan(Touchpoint touchpoint, Owners owners, List<FrontLine> front, Walk walk) {
        List<BackstageHandoff> backstage = walk.edges.stream()
                .map(e -> backstage(e.edge, e.hops))
                .sorted(Comparator.comparing((BackstageHandoff h) -> h.criticality().ordinal()).reversed()
                        .thenComparingInt(BackstageHandoff::hops)
                        .thenComparing(h -> h.status() == EdgeStatus.CONFIRMED ? 0 : 1)
                        .thenComparing(BackstageHandoff::upstream).thenComparing(BackstageHandoff::downstream))
                .toList();
        return new Blueprint.TouchpointPlan(touchpoint, owners, front, backstage);
    }

    private List<FrontLine> frontLine(Owners owners) {
        Map<PersonId, FrontLine> front = new LinkedHashMap<>();
        for (PersonId id : owners.people()) {
            Person p = graph.people().get(id);
            front.put(id, new FrontLine(id, p.displayName(), p.team(), false));
        }
        Set<TeamId> teams = Set.copyOf(owners.teams());
        graph.people().values().stream()
                .filter(p -> p.team() != null && teams.contains(p.team()))
                .sorted(Comparator.comparing(Person::id))
                .forEach(p -> front.putIfAbsent(p.id(), new FrontLine(p.id(), p.displayName(), p.team(), true)));
        return List.copyOf(front.values());
    }

    /** A handoff found by the walk and its distance from the front line. */
    private record Found(Handoff edge, int hops) {
    }

    /** Most critical first, then confirmed before claimed, then by ids: the order a limited walk lists in. */
    private static final Comparator<Handoff> RANK = Comparator
            .comparing((Handoff h) -> h.criticality().ordinal()).reversed()
            .thenComparing(h -> h.status() == EdgeStatus.CONFIRMED ? 0 : 1)
            .thenComparing(Handoff::upstream).thenComparing(Handoff::downstream);

    /**
     * One touchpoint's breadth-first upstream walk, a level at a time: each person's distance from the front line
     * and the handoffs listed, at most the backstage limit, the most critical of each level first; a person is
     * expanded once, so cycles end, and each handoff is listed once, at its shortest distance from the front line.
     */
    private final class Walk {
        final Map<PersonId, Integer> distance = new HashMap<>();
        final Set<Handoff> listed = new HashSet<>();
        final List<Found> edges = new ArrayList<>();
        List<PersonId> frontier;

        Walk(List<PersonId> front) {
            front.forEach(p -> distance.put(p, 0));
            frontier = List.copyOf(front);
        }

        void step(int level) {
            List<Handoff> candidates = new ArrayList<>();
            for (PersonId person : frontier) {
                for (Handoff edge : upstreamOf.getOrDefault(person, List.of())) {
                    if (!listed.contains(edge)) {
                        candidates.add(edge);
                    }
                }
            }
            if (edges.size() + candidates.size() > backstageLimit) {
                candidates.sort(RANK);
            }
            List<PersonId> next = new ArrayList<>();
            for (Handoff edge : candidates) {
                if (edges.size() >= backstageLimit) {
                    break;
                }
                if (listed.add(edge)) {
                    edges.add(new Found(edge, level + 1));
                    if (!distance.containsKey(edge.upstream())) {
                        distance.put(edge.upstream(), level + 1);
                        next.add(edge.upstream());
                    }
                }
            }
            frontier = next;
        }
    }

    private BackstageHandoff backstage(Handoff edge, int hops) {
        Instant lastTrue = edge.lastKnownTrue();
        long days = Math.max(0, Duration.between(lastTrue, now).toDays());
        Optional<FrictionAggregate> shown = friction.of(edge.upstream(), edge.downstream())
                .filter(a -> a.respondents() >= minRespondents);
        return new BackstageHandoff(edge.upstream(), name(edge.upstream()), edge.downstream(), name(edge.downstream()),
                edge.what(), hops, edge.status(), edge.criticality(), lastTrue, days,
                lastTrue.isBefore(now.minus(staleAfter)), shown);
    }

    private String name(PersonId id) {
        Person p = people.get(id);
        return p == null ? id.value() : p.displayName();
    }

    /**
     * Where {@code person}'s work reaches customers across {@code journeys}: game over first, then nearest. Walked
     * breadth first towards customers from the person (the graph may be just that chain, {@code GraphStore#chain});
     * a touchpoint is reached at the nearest of its front-line people, through the people on the way there.
     */
    public LineOfSight lineOfSight(PersonId person, List<Journey> journeys) {
        Map<PersonId, Integer> distance = new LinkedHashMap<>();
        Map<PersonId, PersonId> cameFrom = new HashMap<>();
        distance.put(person, 0);
        Deque<PersonId> queue = new ArrayDeque<>(List.of(person));
        while (!queue.isEmpty()) {
            PersonId at = queue.poll();
            int level = distance.get(at);
            if (level >= depth) {
                continue;
            }
            for (Handoff edge : downstreamOf.getOrDefault(at, List.of())) {
                if (!distance.containsKey(edge.downstream())) {
                    distance.put(edge.downstream(), level + 1);
                    cameFrom.put(edge.downstream(), at);
                    queue.add(edge.downstream());
                }
            }
        }
        List<LineOfSight.Reach> reaches = new ArrayList<>();
        for (Journey journey : journeys) {
            for (Touchpoint touchpoint : journey.touchpoints()) {
                nearestFrontLine(touchpoint, distance.keySet()).ifPresent(front -> {
                    List<PersonId> through = new ArrayList<>();
                    for (PersonId p = front; !p.equals(person); p = cameFrom.get(p)) {
                        through.add(0, p);
                    }
                    reaches.add(new LineOfSight.Reach(journey.id(), journey.name(), touchpoint.id(),
                            touchpoint.name(), touchpoint.weight(), distance.get(front), through,
                            through.stream().map(this::name).toList()));
                });
            }
        }
        reaches.sort(Comparator.comparing((LineOfSight.Reach r) -> r.weight().ordinal()).reversed()
                .thenComparingInt(LineOfSight.Reach::hops)
                .thenComparing(r -> r.journey().value()).thenComparing(r -> r.touchpoint().value()));
        return new LineOfSight(person, depth, reaches);
    }

    /** The first of {@code reached} (nearest first) who is on the touchpoint's front line. */
    private Optional<PersonId> nearestFrontLine(Touchpoint touchpoint, Set<PersonId> reached) {
        Set<PersonId> people = Set.copyOf(touchpoint.ownerPeople());
        Set<TeamId> teams = Set.copyOf(touchpoint.ownerTeams());
        for (PersonId candidate : reached) {
            Person p = graph.people().get(candidate);
            if (p != null && (people.contains(candidate) || p.team() != null && teams.contains(p.team())
                    && graph.teams().containsKey(p.team()))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
