package io.handoff.map.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.handoff.map.DependencyMap;
import io.handoff.map.EdgeColours;
import io.handoff.map.MapDrawing;
import io.handoff.map.MapEdge;
import io.handoff.map.MapGroup;
import io.handoff.map.MapNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON of the map with the layout's positions, so the interactive page draws what the picture shows: groups, nodes
 * (x, y are centres), edges with their status, colour, friction aggregate (never individual answers), route points
 * (upstream to downstream; {@code feedback} when the arrow closes a cycle and points back) and label box (centre).
 */
public final class JsonExport implements MapExport {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public byte[] write(DependencyMap map, MapDrawing drawing) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree(map, drawing));
    }

    public ObjectNode tree(DependencyMap map, MapDrawing drawing) {
        Map<String, MapDrawing.NodeBox> boxes = new HashMap<>();
        if (drawing != null) {
            drawing.nodes().forEach(b -> boxes.put(b.node().id(), b));
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("title", map.title());
        root.put("scope", map.scope().encode());
        root.put("level", CsvExport.word(map.level()));
        root.put("collapsed", map.collapsed());
        ArrayNode groups = root.putArray("groups");
        for (MapGroup group : map.groups()) {
            groups.addObject().put("id", group.id()).put("name", group.name());
        }
        ArrayNode nodes = root.putArray("nodes");
        for (MapNode node : map.nodes()) {
            ObjectNode n = nodes.addObject().put("id", node.id()).put("label", node.label())
                    .put("kind", CsvExport.word(node.kind())).put("group", node.group()).put("centre", node.centre())
                    .put("note", node.note());
            MapDrawing.NodeBox box = boxes.get(node.id());
            if (box != null) {
                n.put("x", Math.round(box.centreX())).put("y", Math.round(box.centreY()))
                        .put("width", Math.round(box.width())).put("height", Math.round(box.height()));
            }
        }
        Map<MapEdge, MapDrawing.Route> routes = new java.util.IdentityHashMap<>();
        if (drawing != null) {
            drawing.routes().forEach(r -> routes.put(r.edge(), r));
        }
        ArrayNode edges = root.putArray("edges");
        List<MapEdge> list = map.edges();
        for (int i = 0; i < list.size(); i++) {
            MapEdge edge = list.get(i);
            ObjectNode e = edges.addObject().put("id", "e" + i).put("from", edge.from()).put("to", edge.to())
                    .put("what", edge.what())
                    .put("frequency", edge.frequency() == null ? null : CsvExport.word(edge.frequency()))
                    .put("criticality", CsvExport.word(edge.criticality())).put("health", CsvExport.word(edge.health()))
                    .put("status", edge.statusWord()).put("handoffs", edge.handoffs())
                    .put("confirmed", edge.confirmed()).put("disputed", edge.disputed()).put("pending", edge.pending())
                    .put("critical", edge.critical()).put("unconfirmed", edge.unconfirmed())
                    .put("weight", edge.weight()).put("colour", EdgeColours.hex(edge))
                    .put("lastConfirmedAt", edge.lastConfirmedAt() == null ? null : edge.lastConfirmedAt().toString());
            MapDrawing.Route route = routes.get(edge);
            if (route != null) {
                // The route as laid out (upstream to downstream), so the page draws the same lines as the picture.
                ArrayNode points = e.put("feedback", route.feedback()).putArray("points");
                route.points().forEach(p -> points.addArray().add(round(p.x())).add(round(p.y())));
                route.label().ifPresent(l -> e.putObject("label").put("text", l.text()).put("x", round(l.centreX()))
                        .put("y", round(l.centreY())).put("width", round(l.width())).put("height", round(l.height())));
            }
            if (edge.friction().isPresent()) {
                ObjectNode f = e.putObject("friction").put("score", edge.friction().get().score())
                        .put("respondents", edge.friction().get().respondents());
                ArrayNode trend = f.putArray("trend");
                edge.friction().get().trend().forEach(trend::add);
            } else {
                e.putNull("friction");
            }
        }
        return root;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
