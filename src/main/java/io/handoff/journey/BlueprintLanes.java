package io.handoff.journey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.handoff.graph.Criticality;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.map.DependencyMap;
import io.handoff.map.MapEdge;
import io.handoff.map.MapGroup;
import io.handoff.map.MapNode;
import io.handoff.map.MapScope;

/**
 * A blueprint as a map in four swim lanes, top to bottom, for the maps' lane layout and painter:
 * <ul>
 *   <li><b>customer</b>: the touchpoints in stage order (a game-over one is an octagon whose note says "GAME OVER");
 *   <li><b>front stage</b>: the front-line owners (people named as owners and members of owner teams), and a dashed
 *       "No owner" box under each touchpoint left without one;
 *   <li><b>backstage</b>: the people who hand work straight to the front line (one handoff away);
 *   <li><b>support</b>: the people further upstream (two handoffs or more, up to the blueprint's depth).
 * </ul>
 * A person is drawn once, in the lane nearest the customer they reach. So that a blueprint stays readable whatever
 * the size of the organisation, a team with more than {@value #FRONT_PEOPLE_SHOWN} people on a touchpoint's front
 * line is one box for the team, and at most {@value #BACKSTAGE_DRAWN} handoffs are drawn behind each touchpoint (the
 * most critical; the interactive page and the files list every one). Arrows run upstream to downstream, up to the
 * touchpoints; the handoffs are listed critical first, their friction only where the blueprint shows it (at or
 * above the tenant's minimum of respondents). An empty lane holds a dashed box saying so.
 */
final class BlueprintLanes {
    /** A team on a front line with more members than this is drawn as one box for the team. */
    static final int FRONT_PEOPLE_SHOWN = 6;
    /** The most backstage handoffs drawn behind one touchpoint (the most critical); the page and files list all. */
    static final int BACKSTAGE_DRAWN = 8;
    static final String CUSTOMER = "customer";
    static final String FRONT = "front-stage";
    static final String BACKSTAGE = "backstage";
    static final String SUPPORT = "support";

    private BlueprintLanes() {
    }

    /** The lane of each person behind the blueprint: front stage, backstage (1 hop) or support (2 and more). */
    static Map<PersonId, String> lanes(Blueprint blueprint) {
        Map<PersonId, Integer> nearest = new LinkedHashMap<>();
        for (Blueprint.StagePlan stage : blueprint.stages()) {
            for (Blueprint.TouchpointPlan plan : stage.touchpoints()) {
                plan.frontStage().forEach(f -> nearest.put(f.person(), 0));
                for (BackstageHandoff h : drawn(plan)) {
                    nearest.merge(h.upstream(), h.hops(), Math::min);
                    nearest.putIfAbsent(h.downstream(), h.hops() - 1);
                }
            }
        }
        Map<PersonId, String> lanes = new LinkedHashMap<>();
        nearest.forEach((person, hops) -> lanes.put(person, hops == 0 ? FRONT : hops == 1 ? BACKSTAGE : SUPPORT));
        return lanes;
    }

    /** The distinct handoffs behind the blueprint, critical first (each at its shortest distance). */
    static List<BackstageHandoff> handoffs(Blueprint blueprint) {
        Map<String, BackstageHandoff> byPair = new LinkedHashMap<>();
        blueprint.stages().stream().flatMap(s -> s.touchpoints().stream()).flatMap(p -> drawn(p).stream())
                .sorted(java.util.Comparator.comparing((BackstageHandoff h) -> h.criticality().ordinal()).reversed()
                        .thenComparingInt(BackstageHandoff::hops))
                .forEach(h -> byPair.merge(h.upstream() + ">" + h.downstream(), h,
                        (a, b) -> a.hops() <= b.hops() ? a : b));
        return List.copyOf(byPair.values());
    }

    static DependencyMap map(Blueprint blueprint, Function<TeamId, String> teamName) {
        Journey journey = blueprint.journey();
        List<MapGroup> groups = List.of(
                new MapGroup(CUSTOMER, "Customer: " + journey.customer()),
                new MapGroup(FRONT, "Front stage: the front-line owners"),
                new MapGroup(BACKSTAGE, "Backstage: who hands work straight to the front line"),
                new MapGroup(SUPPORT, "Support: further upstream (2 to " + blueprint.depth() + " handoffs)"));
        List<MapNode> nodes = new ArrayList<>();
        List<MapEdge> edges = new ArrayList<>();
        Map<PersonId, String> lanes = lanes(blueprint);
        Map<PersonId, MapNode> people = new LinkedHashMap<>();
        Map<TeamId, MapNode> teams = new LinkedHashMap<>();
        Map<PersonId, String> collapsed = new LinkedHashMap<>();
        for (Blueprint.StagePlan stage : blueprint.stages()) {
            for (Blueprint.TouchpointPlan plan : stage.touchpoints()) {
                Touchpoint t = plan.touchpoint();
                String id = touchpointNode(t);
                nodes.add(new MapNode(id, t.name(), t.gameOver() ? MapNode.Kind.GAME_OVER : MapNode.Kind.TOUCHPOINT,
                        CUSTOMER, false, (t.gameOver() ? "GAME OVER · " : "") + stage.name() + " · "
                        + t.channel().code()));
                if (plan.frontStage().isEmpty()) {
                    String vacant = "vacant:" + t.id().value();
                    nodes.add(new MapNode(vacant, "No owner", MapNode.Kind.VACANT, FRONT, false,
                            plan.owners().ownerless() ? "nobody owns " + t.name() : "its owner teams have nobody"));
                    edges.add(link(vacant, id, Criticality.ROUTINE, false));
                }
                Map<TeamId, Long> viaTeam = plan.frontStage().stream().filter(FrontLine::viaTeam)
                        .collect(java.util.stream.Collectors.groupingBy(FrontLine::team,
                                java.util.stream.Collectors.counting()));
                java.util.Set<String> linked = new java.util.HashSet<>();
                for (FrontLine front : plan.frontStage()) {
                    String node;
                    if (front.viaTeam() && viaTeam.get(front.team()) > FRONT_PEOPLE_SHOWN) {
                        node = teamNode(front.team());
                        collapsed.put(front.person(), node);
                        teams.computeIfAbsent(front.team(), team -> new MapNode(node, teamName.apply(team),
                                MapNode.Kind.TEAM, FRONT, false, viaTeam.get(team) + " people on the front line"));
                    } else {
                        node = personNode(front.person());
                        people.computeIfAbsent(front.person(), p -> new MapNode(personNode(p), front.name(),
                                MapNode.Kind.PERSON, FRONT, false,
                                front.team() == null ? "" : teamName.apply(front.team())));
                    }
                    if (linked.add(node)) {
                        edges.add(link(node, id, t.gameOver() ? Criticality.CRITICAL : Criticality.IMPORTANT, true));
                    }
                }
            }
        }
        List<BackstageHandoff> handoffs = handoffs(blueprint);
        // People in the order of the touchpoints they stand behind, so the arrows up to them cross little.
        List<BackstageHandoff> inJourneyOrder = blueprint.stages().stream().flatMap(s -> s.touchpoints().stream())
                .flatMap(p -> drawn(p).stream()).toList();
        for (String lane : List.of(BACKSTAGE, SUPPORT)) {
            for (BackstageHandoff h : inJourneyOrder) {
                for (PersonId p : List.of(h.downstream(), h.upstream())) {
                    if (lane.equals(lanes.get(p)) && !people.containsKey(p) && !collapsed.containsKey(p)) {
                        String name = p.equals(h.upstream()) ? h.upstreamName() : h.downstreamName();
                        people.put(p, new MapNode(personNode(p), name, MapNode.Kind.PERSON, lane, false, ""));
                    }
                }
            }
        }
        nodes.addAll(teams.values());
        nodes.addAll(people.values());
        for (String lane : List.of(FRONT, BACKSTAGE, SUPPORT)) {
            if (nodes.stream().noneMatch(n -> lane.equals(n.group()))) {
                nodes.add(new MapNode("vacant:" + lane, "Nobody", MapNode.Kind.VACANT, lane, false,
                        lane.equals(FRONT) ? "no front-line owners" : "no handoffs here within " + blueprint.depth()
                                + " hops"));
            }
        }
        java.util.Set<String> drawnPairs = new java.util.HashSet<>();
        for (BackstageHandoff h : handoffs) {
            String from = collapsed.getOrDefault(h.upstream(), personNode(h.upstream()));
            String to = collapsed.getOrDefault(h.downstream(), personNode(h.downstream()));
            if (from.equals(to) || !drawnPairs.add(from + ">" + to)) {
                continue; // inside one collapsed team, or a second arrow between the same two boxes
            }
            edges.add(new MapEdge(from, to, h.what(), null,
                    h.criticality(), null, 1, h.status() == EdgeStatus.CONFIRMED ? 1 : 0, 0,
                    h.status() == EdgeStatus.CONFIRMED ? 0 : 1, h.friction(), h.lastKnownTrue(), null));
        }
        return new DependencyMap(journey.name() + ": experience blueprint", new MapScope.Journey(journey.id().value()),
                DependencyMap.Level.PEOPLE, groups, nodes, edges, false);
    }

    /** The handoffs drawn behind a touchpoint: the most critical first (the blueprint's order), at most a few. */
    static List<BackstageHandoff> drawn(Blueprint.TouchpointPlan plan) {
        return plan.backstage().size() <= BACKSTAGE_DRAWN ? plan.backstage()
                : plan.backstage().subList(0, BACKSTAGE_DRAWN);
    }

    static String teamNode(TeamId team) {
        return "team:" + team.value();
    }

    static String touchpointNode(Touchpoint t) {
        return "touchpoint:" + t.id().value();
    }

    static String personNode(PersonId p) {
        return "person:" + p.value();
    }

    /** The line from a front-line box up to its touchpoint: not a handoff, so no friction. */
    private static MapEdge link(String from, String to, Criticality criticality, boolean owned) {
        return new MapEdge(from, to, owned ? "serves the customer here" : "no owner", null, criticality, null, 1,
                owned ? 1 : 0, 0, owned ? 0 : 1, Optional.empty(), null, null);
    }
}
