package io.handoff.map.export;

import java.util.List;
import java.util.Locale;

import io.handoff.map.DependencyMap;
import io.handoff.map.MapDrawing;
import io.handoff.map.MapEdge;
import io.handoff.map.MapNode;

/** GraphML (valid against graphml.xsd): typed keys for every attribute, one flat directed graph. */
public final class GraphMlExport implements MapExport {
    private static final String NS = "http://graphml.graphdrawing.org/xmlns";

    /** key id, for, name, type. */
    private static final List<String[]> KEYS = List.of(
            new String[] {"label", "node", "label", "string"},
            new String[] {"kind", "node", "kind", "string"},
            new String[] {"team", "node", "team", "string"},
            new String[] {"teamName", "node", "teamName", "string"},
            new String[] {"centre", "node", "centre", "boolean"},
            new String[] {"what", "edge", "what", "string"},
            new String[] {"frequency", "edge", "frequency", "string"},
            new String[] {"criticality", "edge", "criticality", "string"},
            new String[] {"status", "edge", "status", "string"},
            new String[] {"health", "edge", "health", "string"},
            new String[] {"handoffs", "edge", "handoffs", "int"},
            new String[] {"weight", "edge", "weight", "double"},
            new String[] {"friction", "edge", "friction", "double"});

    @Override
    public byte[] write(DependencyMap map, MapDrawing drawing) {
        XmlOutput xml = new XmlOutput();
        xml.start("graphml", "xmlns", NS, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
                "xsi:schemaLocation", NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
        for (String[] key : KEYS) {
            xml.empty("key", "id", key[0], "for", key[1], "attr.name", key[2], "attr.type", key[3]);
        }
        xml.start("graph", "id", "handoffs", "edgedefault", "directed");
        xml.element("desc", map.title());
        for (MapNode node : map.nodes()) {
            xml.start("node", "id", node.id());
            xml.element("data", node.label(), "key", "label");
            xml.element("data", CsvExport.word(node.kind()), "key", "kind");
            if (node.group() != null) {
                xml.element("data", node.group(), "key", "team");
                xml.element("data", map.group(node.group()).map(g -> g.name()).orElse(node.group()), "key", "teamName");
            }
            xml.element("data", String.valueOf(node.centre()), "key", "centre");
            xml.end();
        }
        List<MapEdge> edges = map.edges();
        for (int i = 0; i < edges.size(); i++) {
            MapEdge edge = edges.get(i);
            xml.start("edge", "id", "e" + i, "source", edge.from(), "target", edge.to());
            xml.element("data", edge.what(), "key", "what");
            if (edge.frequency() != null) {
                xml.element("data", CsvExport.word(edge.frequency()), "key", "frequency");
            }
            xml.element("data", CsvExport.word(edge.criticality()), "key", "criticality");
            xml.element("data", edge.statusWord(), "key", "status");
            xml.element("data", CsvExport.word(edge.health()), "key", "health");
            xml.element("data", String.valueOf(edge.handoffs()), "key", "handoffs");
            xml.element("data", String.format(Locale.ROOT, "%.2f", edge.weight()), "key", "weight");
            edge.friction().ifPresent(f -> xml.element("data", String.format(Locale.ROOT, "%.2f", f.score()),
                    "key", "friction"));
            xml.end();
        }
        xml.end();
        xml.end();
        return xml.finish();
    }

}
