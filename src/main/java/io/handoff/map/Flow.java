package io.handoff.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flow of work on one map, at both levels ELK lays out: team frames (and boxes outside any frame) at the top
 * level, people inside each frame. An arrow between two frames is judged by the frames' order, an arrow inside a frame
 * by the people's order within it; an arrow against that order is a feedback arrow.
 */
final class Flow {
    private final FlowOrder outer;
    private final Map<String, FlowOrder> inner;
    private final Map<String, MapNode> nodes;

    private Flow(FlowOrder outer, Map<String, FlowOrder> inner, Map<String, MapNode> nodes) {
        this.outer = outer;
        this.inner = inner;
        this.nodes = nodes;
    }

    static Flow of(DependencyMap map) {
        Map<String, MapNode> nodes = new LinkedHashMap<>();
        map.nodes().forEach(n -> nodes.put(n.id(), n));
        List<String> outerBoxes = new ArrayList<>();
        map.groups().forEach(g -> outerBoxes.add(groupKey(g.id())));
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (MapNode node : map.nodes()) {
            if (node.group() == null) {
                outerBoxes.add(node.id());
            } else {
                members.computeIfAbsent(node.group(), g -> new ArrayList<>()).add(node.id());
                if (!outerBoxes.contains(groupKey(node.group()))) {
                    outerBoxes.add(groupKey(node.group()));
                }
            }
        }
        List<FlowOrder.Arrow> outerArrows = new ArrayList<>();
        Map<String, List<FlowOrder.Arrow>> innerArrows = new HashMap<>();
        for (MapEdge edge : map.edges()) {
            MapNode from = nodes.get(edge.from());
            MapNode to = nodes.get(edge.to());
            if (from == null || to == null) {
                continue;
            }
            String fromBox = outerKey(from);
            String toBox = outerKey(to);
            if (fromBox.equals(toBox) && from.group() != null) {
                innerArrows.computeIfAbsent(from.group(), g -> new ArrayList<>())
                        .add(new FlowOrder.Arrow(from.id(), to.id(), weight(edge)));
            } else {
                outerArrows.add(new FlowOrder.Arrow(fromBox, toBox, weight(edge)));
            }
        }
        Map<String, FlowOrder> inner = new HashMap<>();
        members.forEach((group, people) ->
                inner.put(group, FlowOrder.of(people, innerArrows.getOrDefault(group, List.of()))));
        return new Flow(FlowOrder.of(outerBoxes, outerArrows), inner, nodes);
    }

    /**
     * How strongly an arrow should point with the flow: critical over important over routine, confirmed handoffs
     * counting twice, a team link by all its handoffs. The lightest arrows of a cycle are the ones drawn back.
     */
    static double weight(MapEdge edge) {
        double base = switch (edge.criticality()) {
            case CRITICAL -> 4;
            case IMPORTANT -> 2;
            case ROUTINE -> 1;
        };
        return base * (2.0 * edge.confirmed() + edge.pending() + edge.disputed());
    }

    static String groupKey(String group) {
        return "group:" + group;
    }

    private static String outerKey(MapNode node) {
        return node.group() == null ? node.id() : groupKey(node.group());
    }

    FlowOrder outer() {
        return outer;
    }

    /** A sort key for the node: its frame's place, then its own place in the frame. */
    int rank(MapNode node) {
        int top = outer.rank(outerKey(node));
        return node.group() == null ? top * 10_000 : top * 10_000 + inner.get(node.group()).rank(node.id());
    }

    /** Is this arrow a feedback arrow (against the flow at the level ELK lays it out)? */
    boolean against(MapEdge edge) {
        MapNode from = nodes.get(edge.from());
        MapNode to = nodes.get(edge.to());
        String fromBox = outerKey(from);
        String toBox = outerKey(to);
        if (fromBox.equals(toBox) && from.group() != null) {
            return inner.get(from.group()).against(from.id(), to.id());
        }
        return outer.against(fromBox, toBox);
    }
}
