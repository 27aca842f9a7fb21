package io.handoff.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A map ready to draw or export: boxes grouped by team, arrows upstream → downstream, in a stable order.
 * {@code collapsed} says that a map of people was too large and is shown by team instead.
 */
public record DependencyMap(String title, MapScope scope, Level level, List<MapGroup> groups, List<MapNode> nodes,
                            List<MapEdge> edges, boolean collapsed) {
    public enum Level { PEOPLE, TEAMS }

    public DependencyMap {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(level, "level");
        groups = List.copyOf(groups);
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public Map<String, MapNode> nodesById() {
        Map<String, MapNode> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        return byId;
    }

    public Optional<MapGroup> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    public String label(String nodeId) {
        MapNode node = nodesById().get(nodeId);
        return node == null ? nodeId : node.label();
    }
}
