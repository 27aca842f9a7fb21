package io.handoff.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import io.handoff.graph.Criticality;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;

/**
 * The laid-out demo maps read left to right and nothing hides anything: no arrow runs through a box other than its
 * own ends, every arrow starts and ends on its own boxes, no two labels overlap (nor a label a box or a team's title),
 * every arrow points right except the feedback arrows that close a cycle, and team frames hold their people and only
 * them. Covers ego maps of several people, team maps, the org map and each map with only its critical handoffs.
 */
class MapGeometryTest {
    private static final double EPS = 0.75;
    private static final MapFixture FIXTURE = new MapFixture();
    private final MapRenderer renderer = new MapRenderer();

    static Stream<Arguments> demoMaps() {
        List<Arguments> maps = new ArrayList<>();
        for (String person : List.of("pat", "dana", "lee", "ravi", "sam", "chris", "mia", "wen", "tom", "phil")) {
            maps.add(Arguments.of("ego-" + person, new MapScope.Person(PersonId.of(person), 2)));
        }
        maps.add(Arguments.of("ego-dana-3", new MapScope.Person(PersonId.of("dana"), 3)));
        for (String team : List.of("drivers", "preload", "dispatch", "ward", "pharmacy")) {
            maps.add(Arguments.of("team-" + team, new MapScope.Team(TeamId.of(team), 1)));
        }
        maps.add(Arguments.of("team-drivers-2", new MapScope.Team(TeamId.of("drivers"), 2)));
        maps.add(Arguments.of("org", new MapScope.Org()));
        return maps.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoMaps")
    void theMapReadsLeftToRightAndNothingHidesAnything(String name, MapScope scope) throws Exception {
        DependencyMap map = FIXTURE.maps.build(FIXTURE.tenant, scope);
        check(name, map);
        check(name + "-critical", criticalOnly(map));
    }

    @Test
    void workFlowsFromSortingThroughPreLoadToTheDrivers() {
        MapDrawing org = renderer.layout(FIXTURE.maps.build(FIXTURE.tenant, new MapScope.Org()));
        assertThat(left(org, "sort")).isLessThan(left(org, "preload"));
        assertThat(left(org, "preload")).isLessThan(left(org, "drivers"));
        assertThat(left(org, "dispatch")).isLessThan(left(org, "drivers"));
        // Each feedback arrow is the lightest way to break its loop: routine or unconfirmed against critical flow.
        assertThat(feedback(org)).containsExactlyInAnyOrder("customer-service>sort", "billing>dispatch",
                "drivers>dispatch", "ward>discharge", "ward>pharmacy");

        MapDrawing pat = renderer.layout(FIXTURE.maps.build(FIXTURE.tenant, new MapScope.Person(PersonId.of("pat"), 2)));
        assertThat(frameLeft(pat, "sort")).isLessThan(frameLeft(pat, "preload"));
        assertThat(frameLeft(pat, "preload")).isLessThan(frameLeft(pat, "drivers"));
        // The mis-sort complaints close the loop sam > pat > dana > chris > sam: the lightest arrow points back.
        assertThat(feedback(pat)).containsExactlyInAnyOrder("chris>sam", "dana>mia");
    }

    private void check(String name, DependencyMap map) throws Exception {
        MapDrawing drawing = renderer.layout(map);
        Path dir = Files.createDirectories(Path.of("target/screenshots/geometry"));
        Files.write(dir.resolve(name + ".png"), renderer.png(drawing));

        Map<String, MapDrawing.NodeBox> boxes = new HashMap<>();
        drawing.nodes().forEach(b -> boxes.put(b.node().id(), b));
        assertThat(boxes).as(name + ": every node is drawn").hasSize(map.nodes().size());
        assertThat(drawing.routes()).as(name + ": every edge is drawn").hasSize(map.edges().size());

        for (MapDrawing.Route route : drawing.routes()) {
            String edge = name + ": " + route.edge().from() + " > " + route.edge().to();
            MapDrawing.NodeBox from = boxes.get(route.edge().from());
            MapDrawing.NodeBox to = boxes.get(route.edge().to());
            List<MapDrawing.Point> points = route.points();
            assertThat(distance(points.get(0), from)).as(edge + " starts on its upstream box").isLessThan(2.0);
            assertThat(distance(points.get(points.size() - 1), to)).as(edge + " ends on its downstream box")
                    .isLessThan(2.0);
            for (int i = 1; i < points.size(); i++) {
                MapDrawing.Point a = points.get(i - 1);
                MapDrawing.Point b = points.get(i);
                for (MapDrawing.NodeBox box : drawing.nodes()) {
                    boolean ownStart = box == from && i == 1;
                    boolean ownEnd = box == to && i == points.size() - 1;
                    if (!ownStart && !ownEnd) {
                        assertThat(crosses(a, b, box)).as(edge + " segment " + a + "-" + b + " runs through "
                                + box.node().id()).isFalse();
                    }
                }
            }
            if (route.feedback()) {
                assertThat(to.x() + to.width()).as(edge + " (feedback) points right to left").isLessThanOrEqualTo(from.x() + EPS);
                assertThat(closesACycle(map, route.edge()))
                        .as(edge + " is drawn backwards only because it closes a cycle").isTrue();
            } else {
                assertThat(from.x() + from.width()).as(edge + " points left to right").isLessThanOrEqualTo(to.x() + EPS);
            }
        }

        List<MapDrawing.Label> labels = drawing.routes().stream().flatMap(r -> r.label().stream()).toList();
        if (map.edges().size() <= MapLayout.MAX_EDGE_LABELS) {
            assertThat(labels).as(name + ": every edge has its label").hasSize(map.edges().size());
        }
        for (int i = 0; i < labels.size(); i++) {
            MapDrawing.Label a = labels.get(i);
            for (int j = i + 1; j < labels.size(); j++) {
                MapDrawing.Label b = labels.get(j);
                assertThat(overlap(a.x(), a.y(), a.width(), a.height(), b.x(), b.y(), b.width(), b.height()))
                        .as(name + ": labels '" + a.text() + "' and '" + b.text() + "' overlap").isFalse();
            }
            for (MapDrawing.NodeBox box : drawing.nodes()) {
                assertThat(overlap(a.x(), a.y(), a.width(), a.height(), box.x(), box.y(), box.width(), box.height()))
                        .as(name + ": label '" + a.text() + "' covers " + box.node().id()).isFalse();
            }
            for (MapDrawing.GroupBox group : drawing.groups()) {
                assertThat(overlap(a.x(), a.y(), a.width(), a.height(), group.x(), group.y(), group.width(),
                        MapLayout.GROUP_TITLE)).as(name + ": label '" + a.text() + "' covers the title of "
                        + group.group().name()).isFalse();
            }
        }

        for (MapDrawing.GroupBox group : drawing.groups()) {
            for (MapDrawing.NodeBox box : drawing.nodes()) {
                boolean member = group.group().id().equals(box.node().group());
                boolean inside = box.x() >= group.x() - EPS && box.y() >= group.y() + MapLayout.GROUP_TITLE - EPS
                        && box.x() + box.width() <= group.x() + group.width() + EPS
                        && box.y() + box.height() <= group.y() + group.height() + EPS;
                if (member) {
                    assertThat(inside).as(name + ": " + box.node().id() + " inside its team " + group.group().id()).isTrue();
                } else {
                    assertThat(overlap(box.x(), box.y(), box.width(), box.height(), group.x(), group.y(), group.width(),
                            group.height())).as(name + ": " + box.node().id() + " outside team " + group.group().id())
                            .isFalse();
                }
            }
        }
    }

    /** The map with only its critical handoffs and the boxes they join, as the page's "Critical only" shows it. */
    static DependencyMap criticalOnly(DependencyMap map) {
        List<MapEdge> edges = map.edges().stream().filter(e -> e.criticality() == Criticality.CRITICAL).toList();
        Set<String> ends = new HashSet<>();
        edges.forEach(e -> {
            ends.add(e.from());
            ends.add(e.to());
        });
        List<MapNode> nodes = map.nodes().stream().filter(n -> ends.contains(n.id()) || n.centre()).toList();
        Set<String> groups = new HashSet<>();
        nodes.forEach(n -> groups.add(n.group()));
        return new DependencyMap(map.title() + " (critical only)", map.scope(), map.level(),
                map.groups().stream().filter(g -> groups.contains(g.id())).toList(), nodes, edges, map.collapsed());
    }

    /**
     * Does the edge close a cycle at the level it is laid out: between people of one team, or between team frames
     * (an edge into a team and one back out of it make a cycle of frames even when the people's do not)?
     */
    private static boolean closesACycle(DependencyMap map, MapEdge edge) {
        Map<String, String> frameOf = new HashMap<>();
        map.nodes().forEach(n -> frameOf.put(n.id(), n.group() == null ? n.id() : "group:" + n.group()));
        boolean inside = frameOf.get(edge.from()).equals(frameOf.get(edge.to()));
        java.util.function.Function<String, String> level = id -> inside ? id : frameOf.get(id);
        String start = level.apply(edge.to());
        String goal = level.apply(edge.from());
        Set<String> seen = new HashSet<>(List.of(start));
        List<String> frontier = new ArrayList<>(List.of(start));
        while (!frontier.isEmpty()) {
            String at = frontier.remove(frontier.size() - 1);
            if (at.equals(goal)) {
                return true;
            }
            map.edges().stream()
                    .filter(e -> !inside || frameOf.get(e.from()).equals(frameOf.get(edge.from()))
                            && frameOf.get(e.to()).equals(frameOf.get(edge.from())))
                    .filter(e -> level.apply(e.from()).equals(at)).map(e -> level.apply(e.to()))
                    .filter(seen::add).forEach(frontier::add);
        }
        return false;
    }

    private static List<String> feedback(MapDrawing drawing) {
        return drawing.routes().stream().filter(MapDrawing.Route::feedback)
                .map(r -> r.edge().from() + ">" + r.edge().to()).toList();
    }

    private static double left(MapDrawing drawing, String node) {
        return drawing.nodes().stream().filter(b -> b.node().id().equals(node)).findFirst().orElseThrow().x();
    }

    private static double frameLeft(MapDrawing drawing, String group) {
        return drawing.groups().stream().filter(g -> g.group().id().equals(group)).findFirst().orElseThrow().x();
    }

    /** How far a point lies from a box (0 on or inside it). */
    private static double distance(MapDrawing.Point p, MapDrawing.NodeBox box) {
        double dx = Math.max(Math.max(box.x() - p.x(), 0), p.x() - (box.x() + box.width()));
        double dy = Math.max(Math.max(box.y() - p.y(), 0), p.y() - (box.y() + box.height()));
        return Math.hypot(dx, dy);
    }

    /** Does the segment pass through the inside of the box (touching its border is fine)? Liang–Barsky clipping. */
    static boolean crosses(MapDrawing.Point a, MapDrawing.Point b, MapDrawing.NodeBox box) {
        double minX = box.x() + EPS;
        double maxX = box.x() + box.width() - EPS;
        double minY = box.y() + EPS;
        double maxY = box.y() + box.height() - EPS;
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a.x() - minX, maxX - a.x(), a.y() - minY, maxY - a.y()};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        return t0 < t1;
    }

    private static boolean overlap(double ax, double ay, double aw, double ah, double bx, double by, double bw, double bh) {
        return ax < bx + bw - EPS && bx < ax + aw - EPS && ay < by + bh - EPS && by < ay + ah - EPS;
    }
}
