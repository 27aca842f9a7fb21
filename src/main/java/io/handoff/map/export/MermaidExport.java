package io.handoff.map.export;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.handoff.map.DependencyMap;
import io.handoff.map.EdgeColours;
import io.handoff.map.MapDrawing;
import io.handoff.map.MapEdge;
import io.handoff.map.MapGroup;
import io.handoff.map.MapNode;

/**
 * Mermaid {@code flowchart LR}: a subgraph per team, thick arrows for critical handoffs, dotted for unconfirmed,
 * a ✕ in the label of disputed ones. Node ids are generated (n1, n2...) so no id can clash with Mermaid syntax.
 */
public final class MermaidExport implements MapExport {

    @Override
    public byte[] write(DependencyMap map, MapDrawing drawing) {
        Map<String, String> ids = new HashMap<>();
        List<MapNode> nodes = map.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            ids.put(nodes.get(i).id(), "n" + (i + 1));
        }
        StringBuilder out = new StringBuilder("flowchart LR\n");
        out.append("  %% ").append(map.title().replaceAll("[\\r\\n]+", " ")).append('\n');
        List<MapGroup> groups = map.groups();
        for (int g = 0; g < groups.size(); g++) {
            MapGroup group = groups.get(g);
            out.append("  subgraph g").append(g + 1).append("[\"").append(TextEscapes.mermaid(group.name())).append("\"]\n");
            for (MapNode node : nodes) {
                if (group.id().equals(node.group())) {
                    out.append("    ").append(node(ids, node)).append('\n');
                }
            }
            out.append("  end\n");
        }
        nodes.stream().filter(n -> n.group() == null).forEach(n -> out.append("  ").append(node(ids, n)).append('\n'));
        List<MapEdge> edges = map.edges();
        for (MapEdge edge : edges) {
            String label = edge.anyDisputed() ? "✕ " + edge.statusWord() + ": " + edge.what() : edge.what();
            out.append("  ").append(ids.get(edge.from())).append(' ').append(arrow(edge)).append("|\"")
                    .append(TextEscapes.mermaid(label)).append("\"| ").append(ids.get(edge.to())).append('\n');
        }
        for (int i = 0; i < edges.size(); i++) {
            MapEdge edge = edges.get(i);
            out.append("  linkStyle ").append(i).append(" stroke:").append(EdgeColours.hex(edge))
                    .append(String.format(Locale.ROOT, ",stroke-width:%.1fpx",
                            0.6 + edge.weight() * 0.6 * (edge.critical() ? 1.8 : 1)))
                    .append('\n');
        }
        nodes.stream().filter(MapNode::centre)
                .forEach(n -> out.append("  style ").append(ids.get(n.id())).append(" fill:#fff1c2,stroke-width:3px\n"));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String node(Map<String, String> ids, MapNode node) {
        String label = node.note().isEmpty() ? node.label() : node.label() + " (" + node.note() + ")";
        return ids.get(node.id()) + "[\"" + TextEscapes.mermaid(label) + "\"]";
    }

    private static String arrow(MapEdge edge) {
        if (edge.unconfirmed()) {
            return "-.->";
        }
        return edge.critical() ? "==>" : "-->";
    }
}
