package io.handoff.map;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a map out left to right with the Eclipse Layout Kernel's layered algorithm: upstream on the left, downstream
 * on the right, people inside a frame per team (hierarchical ELK nodes, edges routed across frames).
 */
public final class MapLayout {
    static final double NODE_HEIGHT = 34;
    static final double NOTE_HEIGHT = 14;
    static final double GROUP_TITLE = 26;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private final FontMetrics labelMetrics;
    private final FontMetrics titleMetrics;

    public MapLayout() {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        labelMetrics = g.getFontMetrics(MapStyle.font(Font.PLAIN, MapStyle.LABEL_SIZE));
        titleMetrics = g.getFontMetrics(MapStyle.font(Font.BOLD, 12));
        g.dispose();
    }

    public MapDrawing layout(DependencyMap map) {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 22.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 70.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 20.0);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(16));

        Map<String, ElkNode> groupNodes = new LinkedHashMap<>();
        for (MapGroup group : map.groups()) {
            ElkNode frame = ElkGraphUtil.createNode(root);
            frame.setIdentifier("group:" + group.id());
            frame.setProperty(CoreOptions.PADDING, new ElkPadding(GROUP_TITLE + 8, 12, 12, 12));
            frame.setProperty(CoreOptions.SPACING_NODE_NODE, 16.0);
            frame.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
            frame.setProperty(CoreOptions.NODE_SIZE_MINIMUM,
                    new KVector(Math.min(320, titleMetrics.stringWidth(group.name()) + 24), 0));
            groupNodes.put(group.id(), frame);
        }
        Map<String, ElkNode> elkNodes = new LinkedHashMap<>();
        for (MapNode node : map.nodes()) {
            ElkNode parent = node.group() == null ? root : groupNodes.getOrDefault(node.group(), root);
            ElkNode box = ElkGraphUtil.createNode(parent);
            box.setIdentifier(node.id());
            box.setDimensions(width(node), node.note().isEmpty() ? NODE_HEIGHT : NODE_HEIGHT + NOTE_HEIGHT);
            elkNodes.put(node.id(), box);
        }
        Map<ElkEdge, MapEdge> edges = new LinkedHashMap<>();
        for (MapEdge edge : map.edges()) {
            ElkNode from = elkNodes.get(edge.from());
            ElkNode to = elkNodes.get(edge.to());
            if (from != null && to != null) {
                edges.put(ElkGraphUtil.createSimpleEdge(from, to), edge);
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        Map<ElkNode, double[]> origins = new HashMap<>();
        origins.put(root, new double[] {0, 0});
        List<MapDrawing.GroupBox> groups = new ArrayList<>();
        for (MapGroup group : map.groups()) {
            ElkNode frame = groupNodes.get(group.id());
            origins.put(frame, new double[] {frame.getX(), frame.getY()});
            groups.add(new MapDrawing.GroupBox(group, frame.getX(), frame.getY(), frame.getWidth(), frame.getHeight()));
        }
        List<MapDrawing.NodeBox> nodes = new ArrayList<>();
        for (MapNode node : map.nodes()) {
            ElkNode box = elkNodes.get(node.id());
            double[] origin = origins.get(box.getParent());
            nodes.add(new MapDrawing.NodeBox(node, origin[0] + box.getX(), origin[1] + box.getY(), box.getWidth(),
                    box.getHeight()));
        }
        List<MapDrawing.Route> routes = new ArrayList<>();
        edges.forEach((elkEdge, edge) -> routes.add(new MapDrawing.Route(edge, points(elkEdge, origins))));
        return new MapDrawing(map, root.getWidth(), root.getHeight(), groups, nodes, routes);
    }

    private double width(MapNode node) {
        double text = Math.max(labelMetrics.stringWidth(node.label()), labelMetrics.stringWidth(node.note()) * 0.85);
        return Math.max(96, Math.min(260, text + 24));
    }

    private static List<MapDrawing.Point> points(ElkEdge edge, Map<ElkNode, double[]> origins) {
        double[] origin = origins.getOrDefault(edge.getContainingNode(), new double[] {0, 0});
        List<MapDrawing.Point> points = new ArrayList<>();
        for (ElkEdgeSection section : edge.getSections()) {
            points.add(new MapDrawing.Point(origin[0] + section.getStartX(), origin[1] + section.getStartY()));
            for (ElkBendPoint bend : section.getBendPoints()) {
                points.add(new MapDrawing.Point(origin[0] + bend.getX(), origin[1] + bend.getY()));
            }
            points.add(new MapDrawing.Point(origin[0] + section.getEndX(), origin[1] + section.getEndY()));
        }
        if (points.size() < 2) {
            ElkNode from = ElkGraphUtil.connectableShapeToNode(edge.getSources().get(0));
            ElkNode to = ElkGraphUtil.connectableShapeToNode(edge.getTargets().get(0));
            points.clear();
            points.add(centre(from, origins));
            points.add(centre(to, origins));
        }
        return points;
    }

    private static MapDrawing.Point centre(ElkNode node, Map<ElkNode, double[]> origins) {
        double[] origin = origins.getOrDefault(node.getParent(), new double[] {0, 0});
        return new MapDrawing.Point(origin[0] + node.getX() + node.getWidth() / 2,
                origin[1] + node.getY() + node.getHeight() / 2);
    }
}
