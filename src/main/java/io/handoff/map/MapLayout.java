package io.handoff.map;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.elk.alg.layered.options.GreedySwitchType;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays a map out left to right with the Eclipse Layout Kernel's layered algorithm: upstream on the left, downstream
 * on the right, people inside a frame per team (hierarchical ELK nodes, edges routed across frames). Edges are routed
 * orthogonally between the layers, so they never run through a box; labels are placed by ELK as boxes of their own.
 * Which arrows close a cycle is decided here ({@link Flow}), not by ELK: the lightest arrow of a cycle points back.
 */
final class MapLayout {
    static final double NODE_HEIGHT = 34;
    static final double NOTE_HEIGHT = 14;
    static final double GROUP_TITLE = 26;
    /** Above this many boxes the layout trades some crossing minimisation for speed. */
    static final int LARGE = 100;

    static {
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    /** Above this many edges, edges carry no labels (the picture would be all text). */
    static final int MAX_EDGE_LABELS = 60;
    static final int MAX_LABEL_CHARS = 36;
    static final double LABEL_HEIGHT = 14;
    static final double LABEL_PAD = 3;

    private final FontMetrics labelMetrics;
    private final FontMetrics titleMetrics;
    private final FontMetrics smallMetrics;
    private final FontMetrics boldSmallMetrics;

    public MapLayout() {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        labelMetrics = g.getFontMetrics(MapStyle.font(Font.PLAIN, MapStyle.LABEL_SIZE));
        titleMetrics = g.getFontMetrics(MapStyle.font(Font.BOLD, 12));
        smallMetrics = g.getFontMetrics(MapStyle.font(Font.PLAIN, MapStyle.SMALL_SIZE));
        boldSmallMetrics = g.getFontMetrics(MapStyle.font(Font.BOLD, MapStyle.SMALL_SIZE));
        g.dispose();
    }

    public MapDrawing layout(DependencyMap map) {
        ElkNode root = ElkGraphUtil.createGraph();
        configure(root);
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(16));
        if (map.nodes().size() > LARGE) {
            // Large maps: fewer crossing-minimisation sweeps, no greedy switch; the picture stays readable and the
            // layout of 500 teams takes a fraction of the time.
            root.setProperty(LayeredOptions.THOROUGHNESS, 1);
            root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_GREEDY_SWITCH_TYPE, GreedySwitchType.OFF);
            root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_GREEDY_SWITCH_HIERARCHICAL_TYPE, GreedySwitchType.OFF);
        }
        Flow flow = Flow.of(map);

        Map<String, ElkNode> groupNodes = new LinkedHashMap<>();
        List<MapGroup> groupsInFlow = new ArrayList<>(map.groups());
        groupsInFlow.sort(Comparator.comparingInt(g -> flow.outer().rank(Flow.groupKey(g.id()))));
        for (MapGroup group : groupsInFlow) {
            ElkNode frame = ElkGraphUtil.createNode(root);
            configure(frame);
            frame.setIdentifier("group:" + group.id());
            frame.setProperty(CoreOptions.PADDING, new ElkPadding(GROUP_TITLE + 8, 12, 12, 12));
            frame.setProperty(CoreOptions.SPACING_NODE_NODE, 16.0);
            frame.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
            frame.setProperty(CoreOptions.NODE_SIZE_MINIMUM,
                    new KVector(Math.min(320, titleMetrics.stringWidth(group.name()) + 24), 0));
            groupNodes.put(group.id(), frame);
        }
        Map<String, ElkNode> elkNodes = new LinkedHashMap<>();
        List<MapNode> nodesInFlow = new ArrayList<>(map.nodes());
        nodesInFlow.sort(Comparator.comparingInt(flow::rank));
        for (MapNode node : nodesInFlow) {
            ElkNode parent = node.group() == null ? root : groupNodes.getOrDefault(node.group(), root);
            ElkNode box = ElkGraphUtil.createNode(parent);
            box.setIdentifier(node.id());
            box.setDimensions(width(node), node.note().isEmpty() ? NODE_HEIGHT : NODE_HEIGHT + NOTE_HEIGHT);
            elkNodes.put(node.id(), box);
        }
        boolean labelled = map.edges().size() <= MAX_EDGE_LABELS;
        Map<ElkEdge, MapEdge> edges = new LinkedHashMap<>();
        Map<ElkEdge, Boolean> feedback = new HashMap<>();
        for (MapEdge edge : map.edges()) {
            ElkNode from = elkNodes.get(edge.from());
            ElkNode to = elkNodes.get(edge.to());
            if (from == null || to == null) {
                continue;
            }
            // A feedback arrow is given to ELK the other way round, so ELK never has to break a cycle itself (it
            // would route the reversed edge in a long loop around the picture); it is drawn pointing at its real
            // target, right to left.
            boolean against = flow.against(edge);
            ElkEdge elkEdge = against ? ElkGraphUtil.createSimpleEdge(to, from) : ElkGraphUtil.createSimpleEdge(from, to);
            if (labelled) {
                String text = labelText(edge);
                FontMetrics metrics = edge.critical() ? boldSmallMetrics : smallMetrics;
                ElkLabel label = ElkGraphUtil.createLabel(text, elkEdge);
                label.setDimensions(metrics.stringWidth(text) + 2 * LABEL_PAD, LABEL_HEIGHT);
            }
            edges.put(elkEdge, edge);
            feedback.put(elkEdge, against);
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
        edges.forEach((elkEdge, edge) -> {
            boolean against = feedback.get(elkEdge);
            List<MapDrawing.Point> points = points(elkEdge, origins);
            if (against) {
                points = new ArrayList<>(points);
                java.util.Collections.reverse(points);
            }
            routes.add(new MapDrawing.Route(edge, points, against, label(elkEdge, origins)));
        });
        return new MapDrawing(map, root.getWidth(), root.getHeight(), groups, nodes, routes);
    }

    /** The options every level of the map shares: the root and each team frame. */
    private static void configure(ElkNode graph) {
        graph.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        graph.setProperty(CoreOptions.SPACING_NODE_NODE, 22.0);
        graph.setProperty(CoreOptions.SPACING_EDGE_NODE, 14.0);
        graph.setProperty(CoreOptions.SPACING_EDGE_EDGE, 10.0);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 60.0);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 20.0);
        graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 12.0);
        // Edge labels sit beside their edge in the middle of its run, each as its own box that ELK keeps clear of
        // boxes, frames and other labels.
        graph.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
        graph.setProperty(CoreOptions.EDGE_LABELS_INLINE, false);
        graph.setProperty(CoreOptions.SPACING_EDGE_LABEL, 3.0);
        graph.setProperty(CoreOptions.SPACING_LABEL_LABEL, 6.0);
        graph.setProperty(CoreOptions.SPACING_LABEL_NODE, 6.0);
        graph.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NONE);
    }

    /** The text of an edge's label: what is handed over, on one line, shortened. */
    static String labelText(MapEdge edge) {
        String oneLine = edge.what().replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_LABEL_CHARS ? oneLine : oneLine.substring(0, MAX_LABEL_CHARS - 1).strip() + "…";
    }

    private static Optional<MapDrawing.Label> label(ElkEdge edge, Map<ElkNode, double[]> origins) {
        if (edge.getLabels().isEmpty()) {
            return Optional.empty();
        }
        ElkLabel label = edge.getLabels().get(0);
        double[] origin = origins.getOrDefault(edge.getContainingNode(), new double[] {0, 0});
        return Optional.of(new MapDrawing.Label(label.getText(), origin[0] + label.getX(), origin[1] + label.getY(),
                label.getWidth(), label.getHeight()));
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
