package io.handoff.map.export;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.handoff.map.DependencyMap;
import io.handoff.map.MapDrawing;
import io.handoff.map.MapEdge;
import io.handoff.map.MapGroup;
import io.handoff.map.MapNode;

/**
 * Graphviz DOT: a cluster per team, left to right, the same styling rules as the pictures. {@code newrank=true}: the
 * old rank assignment of Graphviz 2.43 fails ("trouble in init_rank") on clusters that hand work back and forth.
 */
public final class DotExport implements MapExport {

    @Override
    public byte[] write(DependencyMap map, MapDrawing drawing) {
        StringBuilder out = new StringBuilder();
        out.append("digraph handoffs {\n");
        out.append("  graph [rankdir=LR, newrank=true, labelloc=t, fontname=\"DejaVu Sans\", label=\"")
                .append(TextEscapes.dot(map.title())).append("\"];\n");
        out.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"DejaVu Sans\"];\n");
        out.append("  edge [fontname=\"DejaVu Sans\", fontsize=10];\n");
        Map<String, List<MapNode>> byGroup = map.nodes().stream().filter(n -> n.group() != null)
                .collect(Collectors.groupingBy(MapNode::group, java.util.LinkedHashMap::new, Collectors.toList()));
        for (MapGroup group : map.groups()) {
            out.append("  subgraph \"cluster_").append(TextEscapes.dot(group.id())).append("\" {\n");
            out.append("    label=\"").append(TextEscapes.dot(group.name())).append("\";\n");
            out.append("    style=\"rounded,filled\"; fillcolor=\"#f4f6fa\"; color=\"#bcc6d3\";\n");
            for (MapNode node : byGroup.getOrDefault(group.id(), List.of())) {
                out.append("    ").append(node(node)).append('\n');
            }
            out.append("  }\n");
        }
        map.nodes().stream().filter(n -> n.group() == null).forEach(n -> out.append("  ").append(node(n)).append('\n'));
        for (MapEdge edge : map.edges()) {
            out.append("  \"").append(TextEscapes.dot(edge.from())).append("\" -> \"").append(TextEscapes.dot(edge.to()))
                    .append("\" [").append(edgeAttributes(edge)).append("];\n");
        }
        out.append("}\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String node(MapNode node) {
        String label = node.note().isEmpty() ? node.label() : node.label() + "\n" + node.note();
        StringBuilder attrs = new StringBuilder("label=\"" + TextEscapes.dot(label) + "\"");
        if (node.centre()) {
            attrs.append(", fillcolor=\"#fff1c2\", penwidth=2.6");
        } else if (node.kind() == MapNode.Kind.TEAM) {
            attrs.append(", fillcolor=\"#e3ecf8\"");
        }
        return "\"" + TextEscapes.dot(node.id()) + "\" [" + attrs + "];";
    }

    private static String edgeAttributes(MapEdge edge) {
        String label = edge.anyDisputed() ? edge.what() + "\n✕ " + edge.statusWord() : edge.what();
        StringBuilder attrs = new StringBuilder("label=\"" + TextEscapes.dot(label) + "\"");
        attrs.append(String.format(Locale.ROOT, ", penwidth=%.1f", 0.6 + edge.weight() * 0.6 * (edge.critical() ? 1.8 : 1)));
        attrs.append(", color=\"").append(io.handoff.map.EdgeColours.hex(edge)).append('"');
        if (edge.unconfirmed()) {
            attrs.append(", style=dashed");
        }
        if (edge.anyDisputed()) {
            attrs.append(", fontcolor=\"#d0342c\"");
        }
        return attrs.toString();
    }
}
