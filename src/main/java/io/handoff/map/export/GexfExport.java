package io.handoff.map.export;

import java.util.List;
import java.util.Locale;

import io.handoff.map.DependencyMap;
import io.handoff.map.MapDrawing;
import io.handoff.map.MapEdge;
import io.handoff.map.MapNode;

/** GEXF 1.3 (Gephi): declared node and edge attributes, edge weight by frequency or count. */
public final class GexfExport implements MapExport {
    private static final String NS = "http://gexf.net/1.3";

    @Override
    public byte[] write(DependencyMap map, MapDrawing drawing) {
        XmlOutput xml = new XmlOutput();
        xml.start("gexf", "xmlns", NS, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
                "xsi:schemaLocation", NS + " http://gexf.net/1.3/gexf.xsd", "version", "1.3");
        xml.start("meta");
        xml.element("creator", "Handoff");
        xml.element("description", map.title());
        xml.end();
        xml.start("graph", "defaultedgetype", "directed", "mode", "static");
        xml.start("attributes", "class", "node");
        xml.empty("attribute", "id", "kind", "title", "kind", "type", "string");
        xml.empty("attribute", "id", "team", "title", "team", "type", "string");
        xml.empty("attribute", "id", "centre", "title", "centre", "type", "boolean");
        xml.end();
        xml.start("attributes", "class", "edge");
        xml.empty("attribute", "id", "what", "title", "what", "type", "string");
        xml.empty("attribute", "id", "criticality", "title", "criticality", "type", "string");
        xml.empty("attribute", "id", "status", "title", "status", "type", "string");
        xml.empty("attribute", "id", "handoffs", "title", "handoffs", "type", "integer");
        xml.empty("attribute", "id", "friction", "title", "friction", "type", "double");
        xml.end();
        xml.start("nodes");
        for (MapNode node : map.nodes()) {
            xml.start("node", "id", node.id(), "label", node.label());
            xml.start("attvalues");
            xml.empty("attvalue", "for", "kind", "value", CsvExport.word(node.kind()));
            if (node.group() != null) {
                xml.empty("attvalue", "for", "team", "value", node.group());
            }
            xml.empty("attvalue", "for", "centre", "value", String.valueOf(node.centre()));
            xml.end();
            xml.end();
        }
        xml.end();
        xml.start("edges");
        List<MapEdge> edges = map.edges();
        for (int i = 0; i < edges.size(); i++) {
            MapEdge edge = edges.get(i);
            xml.start("edge", "id", "e" + i, "source", edge.from(), "target", edge.to(), "label", edge.what(),
                    "weight", String.format(Locale.ROOT, "%.2f", edge.weight()));
            xml.start("attvalues");
            xml.empty("attvalue", "for", "what", "value", edge.what());
            xml.empty("attvalue", "for", "criticality", "value", CsvExport.word(edge.criticality()));
            xml.empty("attvalue", "for", "status", "value", edge.statusWord());
            xml.empty("attvalue", "for", "handoffs", "value", String.valueOf(edge.handoffs()));
            edge.friction().ifPresent(f -> xml.empty("attvalue", "for", "friction", "value",
                    String.format(Locale.ROOT, "%.2f", f.score())));
            xml.end();
            xml.end();
        }
        xml.end();
        xml.end();
        xml.end();
        return xml.finish();
    }
}
