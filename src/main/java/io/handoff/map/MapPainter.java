package io.handoff.map;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.List;
import java.util.Optional;

import io.handoff.graph.Criticality;
import io.handoff.graph.Frequency;

/**
 * Draws a laid-out map on any {@link Graphics2D}: a {@code BufferedImage} for PNG, JFreeSVG for SVG. Same code, so
 * both pictures show the same thing: title, team frames, boxes, arrows and the legend.
 */
final class MapPainter {
    static final double MARGIN = 16;
    static final double TITLE_HEIGHT = 36;
    static final double LEGEND_HEIGHT = 64;
    static final double LEGEND_WIDTH = 900;
    static final double MOMENT_ROW = 26;

    private MapPainter() {
    }

    static double width(MapDrawing drawing) {
        return Math.ceil(Math.max(drawing.width(), LEGEND_WIDTH) + 2 * MARGIN);
    }

    static double height(MapDrawing drawing) {
        return Math.ceil(TITLE_HEIGHT + drawing.height() + LEGEND_HEIGHT + (moments(drawing) ? MOMENT_ROW : 0)
                + MARGIN);
    }

    /** Whether the drawing shows customer moments (a blueprint): the legend then explains their shapes too. */
    static boolean moments(MapDrawing drawing) {
        return drawing.nodes().stream().anyMatch(n -> n.node().kind() == MapNode.Kind.TOUCHPOINT
                || n.node().kind() == MapNode.Kind.GAME_OVER || n.node().kind() == MapNode.Kind.VACANT);
    }

    static void paint(Graphics2D g, MapDrawing drawing) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(MapStyle.BACKGROUND);
        g.fillRect(0, 0, (int) width(drawing), (int) height(drawing));

        g.setColor(MapStyle.TEXT);
        g.setFont(MapStyle.font(Font.BOLD, MapStyle.TITLE_SIZE));
        g.drawString(drawing.map().title(), (float) MARGIN, (float) (MARGIN + 14));

        AffineTransform saved = g.getTransform();
        g.translate(MARGIN, TITLE_HEIGHT);
        drawGroups(g, drawing.groups());
        drawing.routes().forEach(route -> drawRoute(g, route));
        drawNodes(g, drawing.nodes());
        drawing.routes().forEach(route -> route.label().ifPresent(label -> drawEdgeLabel(g, route.edge(), label)));
        drawing.routes().stream().filter(r -> r.edge().anyDisputed()).forEach(route -> drawDisputed(g, route));
        g.setTransform(saved);
        drawLegend(g, MARGIN, TITLE_HEIGHT + drawing.height() + 8);
        if (moments(drawing)) {
            drawMomentLegend(g, MARGIN + 60, TITLE_HEIGHT + drawing.height() + 8 + LEGEND_HEIGHT - 4);
        }
    }

    /** The blueprint's shapes: a customer moment, a game-over moment (octagon) and a dashed "no owner" box. */
    private static void drawMomentLegend(Graphics2D g, double x, double y) {
        double cx = x;
        for (MapNode.Kind kind : List.of(MapNode.Kind.TOUCHPOINT, MapNode.Kind.GAME_OVER, MapNode.Kind.VACANT)) {
            MapNode sample = new MapNode("legend", "", kind, null, false, "");
            MapDrawing.NodeBox box = new MapDrawing.NodeBox(sample, cx, y, 34, 18);
            java.awt.Shape shape = shape(box);
            g.setColor(fill(sample));
            g.fill(shape);
            g.setColor(kind == MapNode.Kind.GAME_OVER ? MapStyle.DISPUTED : MapStyle.NODE_BORDER);
            g.setStroke(border(sample));
            g.draw(shape);
            String text = switch (kind) {
                case GAME_OVER -> "game over: if this fails, we lose the customer";
                case VACANT -> "no owner / nobody";
                default -> "customer moment";
            };
            g.setColor(MapStyle.TEXT);
            g.setFont(MapStyle.font(Font.PLAIN, 11));
            g.drawString(text, (float) (cx + 42), (float) (y + 13));
            cx += 42 + g.getFontMetrics().stringWidth(text) + 24;
        }
    }

    private static void drawGroups(Graphics2D g, List<MapDrawing.GroupBox> groups) {
        for (MapDrawing.GroupBox box : groups) {
            RoundRectangle2D frame = new RoundRectangle2D.Double(box.x(), box.y(), box.width(), box.height(), 14, 14);
            g.setColor(MapStyle.GROUP_FILL);
            g.fill(frame);
            g.setColor(MapStyle.GROUP_BORDER);
            g.setStroke(new BasicStroke(1.2f));
            g.draw(frame);
            g.setColor(MapStyle.MUTED);
            g.setFont(MapStyle.font(Font.BOLD, 12));
            g.drawString(fit(g, box.group().name(), box.width() - 20), (float) (box.x() + 10), (float) (box.y() + 19));
        }
    }

    private static void drawNodes(Graphics2D g, List<MapDrawing.NodeBox> nodes) {
        for (MapDrawing.NodeBox box : nodes) {
            MapNode node = box.node();
            java.awt.Shape shape = shape(box);
            g.setColor(fill(node));
            g.fill(shape);
            g.setColor(node.kind() == MapNode.Kind.GAME_OVER ? MapStyle.DISPUTED : MapStyle.NODE_BORDER);
            g.setStroke(border(node));
            g.draw(shape);
            g.setColor(node.kind() == MapNode.Kind.VACANT ? MapStyle.MUTED : MapStyle.TEXT);
            g.setFont(MapStyle.font(node.centre() ? Font.BOLD : Font.PLAIN, MapStyle.LABEL_SIZE));
            drawCentred(g, fit(g, node.label(), box.width() - 10), box.centreX(), box.y() + 22);
            if (!node.note().isEmpty()) {
                g.setColor(MapStyle.MUTED);
                g.setFont(MapStyle.font(Font.PLAIN, MapStyle.SMALL_SIZE));
                drawCentred(g, fit(g, node.note(), box.width() - 10), box.centreX(), box.y() + 38);
            }
        }
    }

    /**
     * A box's outline: a rounded box, or for a game-over moment an octagon (a stop sign), so it differs by shape
     * as well as by colour and by the words of its note.
     */
    private static java.awt.Shape shape(MapDrawing.NodeBox box) {
        if (box.node().kind() != MapNode.Kind.GAME_OVER) {
            return new RoundRectangle2D.Double(box.x(), box.y(), box.width(), box.height(), 10, 10);
        }
        double cut = Math.min(12, box.height() / 3);
        double x = box.x();
        double y = box.y();
        double w = box.width();
        double h = box.height();
        Path2D.Double octagon = new Path2D.Double();
        octagon.moveTo(x + cut, y);
        octagon.lineTo(x + w - cut, y);
        octagon.lineTo(x + w, y + cut);
        octagon.lineTo(x + w, y + h - cut);
        octagon.lineTo(x + w - cut, y + h);
        octagon.lineTo(x + cut, y + h);
        octagon.lineTo(x, y + h - cut);
        octagon.lineTo(x, y + cut);
        octagon.closePath();
        return octagon;
    }

    private static Color fill(MapNode node) {
        if (node.centre()) {
            return MapStyle.CENTRE_FILL;
        }
        return switch (node.kind()) {
            case TEAM -> MapStyle.TEAM_FILL;
            case TOUCHPOINT -> MapStyle.MOMENT_FILL;
            case GAME_OVER -> MapStyle.GAME_OVER_FILL;
            case VACANT -> MapStyle.GROUP_FILL;
            case PERSON -> MapStyle.NODE_FILL;
        };
    }

    private static BasicStroke border(MapNode node) {
        return switch (node.kind()) {
            case GAME_OVER -> new BasicStroke(3f);
            case VACANT -> new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                    new float[] {5f, 4f}, 0f);
            default -> new BasicStroke(node.centre() ? 2.6f : 1.3f);
        };
    }

    private static void drawRoute(Graphics2D g, MapDrawing.Route route) {
        List<MapDrawing.Point> points = route.points();
        Path2D.Double path = new Path2D.Double();
        path.moveTo(points.get(0).x(), points.get(0).y());
        for (int i = 1; i < points.size(); i++) {
            path.lineTo(points.get(i).x(), points.get(i).y());
        }
        g.setColor(MapStyle.edgeColour(route.edge()));
        g.setStroke(MapStyle.edgeStroke(route.edge()));
        g.draw(path);
        MapDrawing.Point tip = points.get(points.size() - 1);
        MapDrawing.Point before = points.get(points.size() - 2);
        drawArrowHead(g, before.x(), before.y(), tip.x(), tip.y(), 6 + MapStyle.lineWidth(route.edge()));
    }

    private static void drawArrowHead(Graphics2D g, double fromX, double fromY, double x, double y, double size) {
        double angle = Math.atan2(y - fromY, x - fromX);
        Path2D.Double head = new Path2D.Double();
        head.moveTo(x, y);
        head.lineTo(x - size * Math.cos(angle - 0.4), y - size * Math.sin(angle - 0.4));
        head.lineTo(x - size * Math.cos(angle + 0.4), y - size * Math.sin(angle + 0.4));
        head.closePath();
        g.setStroke(new BasicStroke(1f));
        g.fill(head);
    }

    /** The label in the box ELK placed for it, on a light background so a crossing line does not hide it. */
    private static void drawEdgeLabel(Graphics2D g, MapEdge edge, MapDrawing.Label label) {
        g.setFont(MapStyle.font(edge.critical() ? Font.BOLD : Font.PLAIN, MapStyle.SMALL_SIZE));
        g.setColor(new Color(255, 255, 255, 215));
        g.fill(new RoundRectangle2D.Double(label.x(), label.y(), label.width(), label.height(), 6, 6));
        g.setColor(MapStyle.MUTED);
        int w = g.getFontMetrics().stringWidth(label.text());
        g.drawString(label.text(), (float) (label.centreX() - w / 2.0), (float) (label.y() + label.height() - 3.5));
    }

    /**
     * A red ✕ on a disputed arrow (drawn as two strokes, so it needs no glyph): on the arrow just before its label, or
     * in the middle of its longest stretch when it has no label.
     */
    private static void drawDisputed(Graphics2D g, MapDrawing.Route route) {
        if (route.label().isPresent()) {
            MapDrawing.Label label = route.label().get();
            drawCross(g, label.x() - 9, label.centreY());
            return;
        }
        MapDrawing.Point[] segment = longestSegment(route.points());
        drawCross(g, (segment[0].x() + segment[1].x()) / 2, (segment[0].y() + segment[1].y()) / 2);
    }

    private static void drawCross(Graphics2D g, double x, double y) {
        g.setColor(Color.WHITE);
        g.fill(new java.awt.geom.Ellipse2D.Double(x - 8, y - 8, 16, 16));
        g.setColor(MapStyle.DISPUTED);
        g.setStroke(new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new java.awt.geom.Line2D.Double(x - 5, y - 5, x + 5, y + 5));
        g.draw(new java.awt.geom.Line2D.Double(x - 5, y + 5, x + 5, y - 5));
    }

    private static void drawLegend(Graphics2D g, double x, double y) {
        g.setColor(MapStyle.GROUP_BORDER);
        g.setStroke(new BasicStroke(1f));
        g.draw(new java.awt.geom.Line2D.Double(x, y, x + LEGEND_WIDTH, y));
        g.setFont(MapStyle.font(Font.BOLD, 11));
        g.setColor(MapStyle.TEXT);
        g.drawString("Legend", (float) x, (float) (y + 18));
        double row1 = y + 22;
        double cx = x + 60;
        cx = legendLine(g, cx, row1, sample(Frequency.DAILY, Criticality.ROUTINE, 1, 0, 0, null), "daily");
        cx = legendLine(g, cx, row1, sample(Frequency.WEEKLY, Criticality.ROUTINE, 1, 0, 0, null), "weekly");
        cx = legendLine(g, cx, row1, sample(Frequency.AD_HOC, Criticality.ROUTINE, 1, 0, 0, null), "ad hoc");
        cx = legendLine(g, cx, row1, sample(Frequency.DAILY, Criticality.CRITICAL, 1, 0, 0, null), "critical (bold)");
        cx = legendLine(g, cx, row1, sample(Frequency.WEEKLY, Criticality.ROUTINE, 0, 0, 1, null), "unconfirmed");
        legendDisputed(g, cx, row1);
        double row2 = y + 44;
        cx = x + 60;
        cx = legendLine(g, cx, row2, sample(Frequency.WEEKLY, Criticality.ROUTINE, 1, 0, 0, 0.0), "low friction");
        cx = legendLine(g, cx, row2, sample(Frequency.WEEKLY, Criticality.ROUTINE, 1, 0, 0, 0.5), "some friction");
        cx = legendLine(g, cx, row2, sample(Frequency.WEEKLY, Criticality.ROUTINE, 1, 0, 0, 1.0), "high friction");
        legendLine(g, cx, row2, sample(Frequency.WEEKLY, Criticality.ROUTINE, 1, 0, 0, null),
                "grey: friction not shown (no poll, or too few answers)");
    }

    private static MapEdge sample(Frequency frequency, Criticality criticality, int confirmed, int disputed, int pending,
                                  Double friction) {
        return new MapEdge("a", "b", "", frequency, criticality, null, confirmed + disputed + pending, confirmed,
                disputed, pending, Optional.ofNullable(friction).map(f -> new FrictionAggregate(f, 99, List.of(f))),
                null, null);
    }

    private static double legendLine(Graphics2D g, double x, double y, MapEdge edge, String text) {
        g.setColor(MapStyle.edgeColour(edge));
        g.setStroke(MapStyle.edgeStroke(edge));
        g.draw(new java.awt.geom.Line2D.Double(x, y + 8, x + 30, y + 8));
        drawArrowHead(g, x, y + 8, x + 36, y + 8, 6 + MapStyle.lineWidth(edge));
        g.setColor(MapStyle.TEXT);
        g.setFont(MapStyle.font(Font.PLAIN, 11));
        g.drawString(text, (float) (x + 42), (float) (y + 12));
        return x + 42 + g.getFontMetrics().stringWidth(text) + 18;
    }

    private static void legendDisputed(Graphics2D g, double x, double y) {
        drawCross(g, x + 8, y + 8);
        g.setColor(MapStyle.TEXT);
        g.setFont(MapStyle.font(Font.PLAIN, 11));
        g.drawString("disputed", (float) (x + 22), (float) (y + 12));
    }

    private static MapDrawing.Point[] longestSegment(List<MapDrawing.Point> points) {
        MapDrawing.Point[] best = {points.get(0), points.get(1)};
        double longest = -1;
        for (int i = 1; i < points.size(); i++) {
            double length = Math.hypot(points.get(i).x() - points.get(i - 1).x(), points.get(i).y() - points.get(i - 1).y());
            if (length > longest) {
                longest = length;
                best = new MapDrawing.Point[] {points.get(i - 1), points.get(i)};
            }
        }
        return best;
    }

    private static void drawCentred(Graphics2D g, String text, double centreX, double baseline) {
        int w = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (float) (centreX - w / 2.0), (float) baseline);
    }

    /** The text, cut with an ellipsis so it fits {@code width} pixels in the current font. */
    private static String fit(Graphics2D g, String text, double width) {
        FontMetrics metrics = g.getFontMetrics();
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && metrics.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.strip() + "…";
    }
}
