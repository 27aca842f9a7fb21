package io.handoff.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

import io.handoff.graph.EdgeStatus;
import io.handoff.graph.GraphQueries;
import io.handoff.graph.Handoff;
import io.handoff.graph.HiddenCustomer;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.TeamId;
import io.handoff.graph.TeamLink;
import io.handoff.graph.TeamMap;
import io.handoff.graph.TenantId;

/**
 * Turns a slice of the graph into a {@link DependencyMap}: people grouped by team, or teams alone. A map of more
 * than {@code collapseAbove} people is shown by team instead, and says so.
 */
public final class MapBuilder {
    public static final int DEFAULT_COLLAPSE_ABOVE = 80;

    private final FrictionScores friction;
    private final int collapseAbove;
    private final ToIntFunction<TenantId> minRespondents;

    /** A builder that shows friction only from aggregates over at least {@code minRespondents} answers. */
    public MapBuilder(FrictionScores friction, int collapseAbove, int minRespondents) {
        this(friction, collapseAbove, tenant -> minRespondents);
    }

    /**
     * A builder whose friction minimum is the tenant's own (its {@code minRespondents} setting), read once per map,
     * so a raised minimum also hides aggregates of periods closed under a lower one.
     */
    public MapBuilder(FrictionScores friction, int collapseAbove, ToIntFunction<TenantId> minRespondents) {
        this.friction = Objects.requireNonNull(friction, "friction");
        this.collapseAbove = collapseAbove;
        this.minRespondents = Objects.requireNonNull(minRespondents, "minRespondents");
    }

    /** A map of the people in {@code slice} (edges to people outside it are left out). */
    public DependencyMap people(TenantId tenant, MapScope scope, String title, OrgGraph slice) {
        if (slice.people().size() > collapseAbove) {
            TeamMap teams = GraphQueries.teamMap(slice);
            Set<TeamId> present = new TreeSet<>();
            slice.people().values().forEach(p -> p.teamId().ifPresent(present::add));
            return teamLevel(tenant, scope, title + " (by team: " + slice.people().size() + " people)", teams, present, true,
                    TeamItems.of(slice));
        }
        String centre = scope instanceof MapScope.Person p ? p.centre().value() : null;
        int min = minRespondents.applyAsInt(tenant);
        Map<String, MapGroup> groups = new TreeMap<>();
        List<MapNode> nodes = new ArrayList<>();
        slice.people().values().stream().sorted(Comparator.comparing(Person::id)).forEach(person -> {
            String group = person.teamId().map(TeamId::value).orElse(MapGroup.NO_TEAM);
            groups.computeIfAbsent(group, g -> new MapGroup(g, g.equals(MapGroup.NO_TEAM) ? "No team yet"
                    : slice.teamName(person.team())));
            nodes.add(new MapNode(person.id().value(), person.displayName(), MapNode.Kind.PERSON, group,
                    person.id().value().equals(centre), ""));
        });
        List<MapEdge> edges = slice.edges().stream()
                .filter(e -> slice.people().containsKey(e.upstream()) && slice.people().containsKey(e.downstream()))
                .sorted(Comparator.comparing(Handoff::upstream).thenComparing(Handoff::downstream))
                .map(e -> personEdge(tenant, e, min))
                .toList();
        return new DependencyMap(title, scope, DependencyMap.Level.PEOPLE, List.copyOf(groups.values()), nodes, edges,
                false);
    }

    /** The organisation by team, every team shown (also those without links); arrows labelled by their counts. */
    public DependencyMap teams(TenantId tenant, MapScope scope, String title, TeamMap map) {
        return teams(tenant, scope, title, map, TeamItems.NONE);
    }

    /** The organisation by team, arrows labelled with the top items handed over between the teams. */
    public DependencyMap teams(TenantId tenant, MapScope scope, String title, TeamMap map, TeamItems items) {
        Set<TeamId> all = new TreeSet<>(map.teams().keySet());
        map.links().forEach(l -> {
            all.add(l.upstream());
            all.add(l.downstream());
        });
        return teamLevel(tenant, scope, title, map, all, false, items);
    }

    private DependencyMap teamLevel(TenantId tenant, MapScope scope, String title, TeamMap map, Set<TeamId> shown,
                                    boolean collapsed, TeamItems items) {
        int min = minRespondents.applyAsInt(tenant);
        Map<TeamId, Integer> inside = new TreeMap<>();
        List<MapEdge> edges = new ArrayList<>();
        for (TeamLink link : map.links()) {
            if (!shown.contains(link.upstream()) || !shown.contains(link.downstream()) || link.edges() == 0) {
                continue;
            }
            if (!link.crossTeam()) {
                inside.merge(link.upstream(), link.edges(), Integer::sum);
                continue;
            }
            edges.add(new MapEdge(link.upstream().value(), link.downstream().value(),
                    items.label(link.upstream(), link.downstream(), link.edges()), null,
                    link.highestCriticality().orElseThrow(), null, link.edges(), link.confirmed(), link.disputed(),
                    link.pending(), allowed(friction.teams(tenant, link.upstream(), link.downstream()), min), null, null,
                    items.items(link.upstream(), link.downstream()).stream().map(TeamItems.Item::handedOver).toList()));
        }
        edges.sort(Comparator.comparing(MapEdge::from).thenComparing(MapEdge::to));
        List<MapNode> nodes = shown.stream().map(team -> new MapNode(team.value(), map.teamName(team),
                MapNode.Kind.TEAM, null, false, inside.containsKey(team)
                        ? inside.get(team) + (inside.get(team) == 1 ? " handoff" : " handoffs") + " inside" : "")).toList();
        return new DependencyMap(title, scope, DependencyMap.Level.TEAMS, List.of(), nodes, edges, collapsed);
    }

    private MapEdge personEdge(TenantId tenant, Handoff e, int min) {
        return new MapEdge(e.upstream().value(), e.downstream().value(), e.what(), e.frequency(), e.criticality(),
                e.health(), 1, e.status() == EdgeStatus.CONFIRMED ? 1 : 0, e.status() == EdgeStatus.DISPUTED ? 1 : 0,
                e.status() == EdgeStatus.CLAIMED ? 1 : 0,
                allowed(friction.handoff(tenant, e.upstream(), e.downstream()), min), e.lastConfirmedAt(),
                e.pending() ? HiddenCustomer.of(e).unaware().value() : null);
    }

    /** An aggregate over fewer than the minimum of respondents is never shown, whatever the port returned. */
    private static java.util.Optional<FrictionAggregate> allowed(java.util.Optional<FrictionAggregate> aggregate,
                                                                  int min) {
        return aggregate.filter(a -> a.respondents() >= min);
    }
}
