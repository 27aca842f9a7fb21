package io.handoff.map;

import java.util.List;
import java.util.Optional;

/** A laid-out map: where every group, box and arrow goes, in pixels from the top-left corner of the graph area. */
public record MapDrawing(DependencyMap map, double width, double height, List<GroupBox> groups, List<NodeBox> nodes,
                         List<Route> routes) {

    public MapDrawing {
        groups = List.copyOf(groups);
        nodes = List.copyOf(nodes);
        routes = List.copyOf(routes);
    }

    public record GroupBox(MapGroup group, double x, double y, double width, double height) {
    }

    public record NodeBox(MapNode node, double x, double y, double width, double height) {
        public double centreX() {
            return x + width / 2;
        }

        public double centreY() {
            return y + height / 2;
        }
    }

    /**
     * The arrow's points from upstream to downstream (at least two). {@code feedback}: the arrow closes a cycle and
     * was laid out against the flow, so it points right to left. {@code label}: where its label goes, if it has one.
     */
    public record Route(MapEdge edge, List<Point> points, boolean feedback, Optional<Label> label) {
        public Route {
            points = List.copyOf(points);
            label = label == null ? Optional.empty() : label;
            if (points.size() < 2) {
                throw new IllegalArgumentException("a route needs at least two points");
            }
        }

        public Route(MapEdge edge, List<Point> points) {
            this(edge, points, false, Optional.empty());
        }
    }

    /** An edge label's box (top-left corner and size) and its text, already shortened to fit. */
    public record Label(String text, double x, double y, double width, double height) {
        public double centreX() {
            return x + width / 2;
        }

        public double centreY() {
            return y + height / 2;
        }
    }

    public record Point(double x, double y) {
    }
}
