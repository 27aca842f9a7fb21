package io.handoff.map.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.handoff.map.DependencyMap;
import io.handoff.map.MapEdge;
import io.handoff.map.MapNode;

/** A map seen by team: every team on it, and the handoffs between teams added up (for the team-level exports). */
record TeamLinks(Map<String, String> teams, List<Link> links, Map<String, Integer> inside) {

    record Link(String upstream, String downstream, int handoffs, int critical, int confirmed, int disputed,
                int pending) {
    }

    static TeamLinks of(DependencyMap map) {
        Map<String, String> teams = new TreeMap<>();
        Map<String, String> teamOfNode = new TreeMap<>();
        for (MapNode node : map.nodes()) {
            if (node.kind() == MapNode.Kind.TEAM) {
                teams.put(node.id(), node.label());
                teamOfNode.put(node.id(), node.id());
            } else if (node.group() != null && !node.group().equals(io.handoff.map.MapGroup.NO_TEAM)) {
                teams.put(node.group(), map.group(node.group()).map(g -> g.name()).orElse(node.group()));
                teamOfNode.put(node.id(), node.group());
            }
        }
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Integer> inside = new TreeMap<>();
        for (MapEdge edge : map.edges()) {
            String up = teamOfNode.get(edge.from());
            String down = teamOfNode.get(edge.to());
            if (up == null || down == null) {
                continue;
            }
            if (up.equals(down)) {
                inside.merge(up, edge.handoffs(), Integer::sum);
                continue;
            }
            int[] c = counts.computeIfAbsent(up + "\u0000" + down, k -> new int[5]);
            c[0] += edge.handoffs();
            c[1] += edge.critical() ? (edge.frequency() == null ? edge.handoffs() : 1) : 0;
            c[2] += edge.confirmed();
            c[3] += edge.disputed();
            c[4] += edge.pending();
        }
        List<Link> links = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] ends = key.split("\u0000");
            links.add(new Link(ends[0], ends[1], c[0], c[1], c[2], c[3], c[4]));
        });
        return new TeamLinks(teams, links, inside);
    }

    List<Link> suppliersOf(String team) {
        return links.stream().filter(l -> l.downstream().equals(team)).toList();
    }

    List<Link> customersOf(String team) {
        return links.stream().filter(l -> l.upstream().equals(team)).toList();
    }
}
