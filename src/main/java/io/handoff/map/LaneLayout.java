package io.handoff.map;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.CrossingMinimizationStrategy;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a map out in horizontal swim lanes (a service blueprint): the map's groups are the lanes, top to bottom in
 * the order given, and every node's group is its lane. ELK's layered algorithm runs top to bottom with one partition
 * per lane (the first lane is partition 0), so each lane's boxes sit in their own band; the arrows, which run from
 * the lower lanes up to the ones they serve, are handed to ELK reversed and drawn pointing at their real targets;
 * inside a lane the boxes keep the order they are given in (no crossing minimisation), so a customer's touchpoints
 * read left to right in stage order. Connected components are not packed apart, which would
 * break the bands. (ELK sees those arrows as {@link MapLayout} sees feedback arrows.)
 */
final class LaneLayout {
    /** Room above a lane's first boxes for its name. */
    static final double LANE_TITLE = 30;
    static final double LANE_PAD = 12;
    static final double BETWEEN_LAYERS = 2 * LANE_PAD + LANE_TITLE + 24;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private final FontMetrics labelMetrics;

    LaneLayout() {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        labelMetrics = g.getFontMetrics(MapStyle.font(Font.BOLD, MapStyle.LABEL_SIZE));
        g.dispose();
    }

    MapDrawing layout(DependencyMap map) {
        List<MapGroup> lanes = map.groups();
        Map<String, Integer> partition = new HashMap<>();
        for (int i = 0; i < lanes.size(); i++) {
            partition.put(lanes.get(i).id(), i);
        }
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(LANE_TITLE + LANE_PAD, 16, LANE_PAD, 16));
        root.setProperty(CoreOptions.SEPARATE_CONNECTED_COMPONENTS, false);
        root.setProperty(LayeredOptions.PARTITIONING_ACTIVATE, true);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 22.0);
        root.setProperty(CoreOptions.SPACING_EDGE_NODE, 12.0);
        root.setProperty(CoreOptions.SPACING_EDGE_EDGE, 8.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, BETWEEN_LAYERS);
        // No crossing minimisation: each layer keeps the order the boxes are given in, so the customer's touchpoints
        // read left to right in stage order (forcing the model order alone let ELK swap some); callers give the
        // other lanes' boxes in the order of what they serve, so arrows cross little.
        root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_STRATEGY, CrossingMinimizationStrategy.NONE);
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);

        Map<String, ElkNode> boxes = new LinkedHashMap<>();
        for (MapNode node : map.nodes()) {
            Integer lane = partition.get(node.group());
            if (lane == null) {
                throw new IllegalArgumentException("node " + node.id() + " is in no lane");
            }
            ElkNode box = ElkGraphUtil.createNode(root);
            box.setIdentifier(node.id());
            box.setProperty(LayeredOptions.PARTITIONING_PARTITION, lane);
            box.setDimensions(width(node), node.note().isEmpty() ? MapLayout.NODE_HEIGHT
                    : MapLayout.NODE_HEIGHT + MapLayout.NOTE_HEIGHT);
            boxes.put(node.id(), box);
        }
        Map<ElkEdge, MapEdge> edges = new LinkedHashMap<>();
        Map<ElkEdge, Boolean> reversed = new HashMap<>();
        Map<String, MapNode> byId = map.nodesById();
        for (MapEdge edge : map.edges()) {
            ElkNode from = boxes.get(edge.from());
            ElkNode to = boxes.get(edge.to());
            if (from == null || to == null) {
                continue;
            }
            // Real arrows run up, from a lower lane to the one it serves; ELK gets them pointing down the lanes.
            boolean down = partition.get(byId.get(edge.from()).group()) >= partition.get(byId.get(edge.to()).group());
            ElkEdge elkEdge = down ? ElkGraphUtil.createSimpleEdge(to, from) : ElkGraphUtil.createSimpleEdge(from, to);
            edges.put(elkEdge, edge);
            reversed.put(elkEdge, down);
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        List<MapDrawing.NodeBox> nodes = new ArrayList<>();
        for (MapNode node : map.nodes()) {
            ElkNode box = boxes.get(node.id());
            nodes.add(new MapDrawing.NodeBox(node, box.getX(), box.getY(), box.getWidth(), box.getHeight()));
        }
        List<MapDrawing.Route> routes = new ArrayList<>();
        edges.forEach((elkEdge, edge) -> {
            List<MapDrawing.Point> points = points(elkEdge);
            if (reversed.get(elkEdge)) {
                points = new ArrayList<>(points);
                Collections.reverse(points);
            }
            routes.add(new MapDrawing.Route(edge, points, reversed.get(elkEdge), java.util.Optional.empty()));
        });
        return new MapDrawing(map, root.getWidth(), root.getHeight(), bands(lanes, nodes, root.getWidth()), nodes,
                routes);
    }

    /** Each lane as a band across the whole width, from just above its highest box to just below its lowest. */
    private static List<MapDrawing.GroupBox> bands(List<MapGroup> lanes, List<MapDrawing.NodeBox> nodes,
                                                   double width) {
        List<MapDrawing.GroupBox> bands = new ArrayList<>();
        for (MapGroup lane : lanes) {
            double top = Double.MAX_VALUE;
            double bottom = -Double.MAX_VALUE;
            for (MapDrawing.NodeBox box : nodes) {
                if (lane.id().equals(box.node().group())) {
                    top = Math.min(top, box.y());
                    bottom = Math.max(bottom, box.y() + box.height());
                }
            }
            if (top == Double.MAX_VALUE) {
                continue;
            }
            bands.add(new MapDrawing.GroupBox(lane, 2, top - LANE_TITLE, width - 4, bottom - top + LANE_TITLE + LANE_PAD));
        }
        return bands;
    }

    private double width(MapNode node) {
        double text = Math.max(labelMetrics.stringWidth(node.label()), labelMetrics.stringWidth(node.note()) * 0.85);
        return Math.max(110, Math.min(240, text + 28));
    }

    private static List<MapDrawing.Point> points(ElkEdge edge) {
        List<MapDrawing.Point> points = new ArrayList<>();
        for (ElkEdgeSection section : edge.getSections()) {
            points.add(new MapDrawing.Point(section.getStartX(), section.getStartY()));
            for (ElkBendPoint bend : section.getBendPoints()) {
                points.add(new MapDrawing.Point(bend.getX(), bend.getY()));
            }
            points.add(new MapDrawing.Point(section.getEndX(), section.getEndY()));
        }
        if (points.size() < 2) {
            ElkNode from = ElkGraphUtil.connectableShapeToNode(edge.getSources().get(0));
            ElkNode to = ElkGraphUtil.connectableShapeToNode(edge.getTargets().get(0));
            points.clear();
            points.add(new MapDrawing.Point(from.getX() + from.getWidth() / 2, from.getY() + from.getHeight() / 2));
            points.add(new MapDrawing.Point(to.getX() + to.getWidth() / 2, to.getY() + to.getHeight() / 2));
        }
        return points;
    }
}
