package io.handoff.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

import io.handoff.chat.Block;
import io.handoff.chat.Heading;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;
import io.handoff.graph.Coverage;
import io.handoff.graph.GraphQueries;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.graph.TeamMap;
import io.handoff.graph.TenantId;

/**
 * The manager's report: the critical handoffs into and out of their teams ranked by worst friction and steepest
 * rise in friction, blocking handoffs, hidden customers, and the organisation's silos and coverage. Admins who
 * manage no team get it for the whole organisation.
 */
public final class ManagerReport {
    static final int MAX_LINES = 10;

    /** Worst friction, then the steepest rise, then the rest of {@link MapSummary#ATTENTION}. */
    static final Comparator<MapEdge> RANK = Comparator
            .comparingDouble((MapEdge e) -> e.friction().map(FrictionAggregate::score).orElse(-1.0)).reversed()
            .thenComparing(Comparator.comparingDouble((MapEdge e) -> e.friction().map(FrictionAggregate::rise)
                    .orElse(0.0)).reversed())
            .thenComparing(MapSummary.ATTENTION);

    private final GraphStore store;
    private final MapBuilder builder;
    private final List<ReportSection> sections;

    public ManagerReport(GraphStore store, FrictionScores friction, int minRespondents) {
        this(store, friction, tenant -> minRespondents);
    }

    /** A report whose friction minimum is the tenant's own {@code minRespondents} setting. */
    public ManagerReport(GraphStore store, FrictionScores friction, ToIntFunction<TenantId> minRespondents) {
        this(store, friction, minRespondents, List.of());
    }

    /** A report with further sections of other modules (e.g. the customer section of the journeys) at its end. */
    public ManagerReport(GraphStore store, FrictionScores friction, ToIntFunction<TenantId> minRespondents,
                         List<ReportSection> sections) {
        this.store = Objects.requireNonNull(store, "store");
        this.builder = new MapBuilder(friction, Integer.MAX_VALUE, minRespondents);
        this.sections = List.copyOf(sections);
    }

    public Report build(TenantId tenant, MapAccess.Viewer viewer) {
        if (!viewer.manager() && !viewer.admin()) {
            throw new MapRequestException("The report is for managers: it covers the teams you manage, and you manage "
                    + "none. You may ask for your own map ('map').");
        }
        TeamMap teamMap = store.teamMap(tenant);
        Set<TeamId> teams = viewer.manager() ? new TreeSet<>(viewer.managedTeams().keySet())
                : new TreeSet<>(teamMap.teams().keySet());
        OrgGraph graph = store.graph(tenant);
        List<Handoff> touching = graph.edges().stream().filter(e -> inTeams(graph, e.upstream(), teams)
                || inTeams(graph, e.downstream(), teams)).toList();
        Map<PersonId, Person> people = new LinkedHashMap<>();
        touching.forEach(e -> {
            graph.person(e.upstream()).ifPresent(p -> people.put(p.id(), p));
            graph.person(e.downstream()).ifPresent(p -> people.put(p.id(), p));
        });
        DependencyMap map = builder.people(tenant, new MapScope.Org(), "report",
                new OrgGraph(people, graph.teams(), touching));
        Map<String, MapNode> nodes = map.nodesById();
        List<MapEdge> crossing = map.edges().stream().filter(e -> crosses(nodes, e, teams)).toList();
        List<String> critical = lines(map, crossing.stream().filter(MapEdge::critical).sorted(RANK).toList());
        List<String> blocking = lines(map, map.edges().stream().filter(MapEdge::blocking).sorted(RANK).toList());
        List<String> hidden = lines(map, map.edges().stream().filter(e -> e.pending() > 0)
                .sorted(MapSummary.ATTENTION).toList());
        List<String> silos = GraphQueries.silos(teamMap).stream().map(teamMap::teamName).toList();
        Coverage coverage = GraphQueries.coverage(teamMap);
        String coverageLine = String.format(Locale.ROOT, "%d of %d teams have a confirmed internal customer and "
                        + "supplier (%.0f%%); %d of %d handoffs answered by the other side (%.0f%%)",
                coverage.teamsWithConfirmedCustomerAndSupplier(), coverage.teams(), coverage.teamShare() * 100,
                coverage.resolvedEdges(), coverage.edges(), coverage.resolvedShare() * 100);
        String title = "Handoff report for " + String.join(", ", teams.stream().map(teamMap::teamName).toList());
        List<Block> more = new ArrayList<>();
        sections.forEach(section -> more.addAll(section.blocks(tenant, viewer)));
        return new Report(title, critical, blocking, hidden, silos, coverageLine, more);
    }

    private static boolean inTeams(OrgGraph graph, PersonId person, Set<TeamId> teams) {
        return graph.teamOf(person).map(teams::contains).orElse(false);
    }

    private static boolean crosses(Map<String, MapNode> nodes, MapEdge edge, Set<TeamId> teams) {
        boolean from = inTeams(nodes.get(edge.from()), teams);
        boolean to = inTeams(nodes.get(edge.to()), teams);
        return from != to;
    }

    private static boolean inTeams(MapNode node, Set<TeamId> teams) {
        return node != null && node.group() != null && teams.stream().anyMatch(t -> t.value().equals(node.group()));
    }

    private static List<String> lines(DependencyMap map, List<MapEdge> edges) {
        List<String> lines = new ArrayList<>();
        edges.stream().limit(MAX_LINES).forEach(e -> lines.add(MapSummary.describe(map, e)));
        if (edges.size() > MAX_LINES) {
            lines.add("…and " + (edges.size() - MAX_LINES) + " more");
        }
        return lines;
    }

    /** The report's sections as lines of literal text; {@code more}: the other modules' sections. */
    public record Report(String title, List<String> criticalHandoffs, List<String> blocking,
                         List<String> hiddenCustomers, List<String> silos, String coverage, List<Block> more) {
        public Report {
            more = List.copyOf(more);
            criticalHandoffs = List.copyOf(criticalHandoffs);
            blocking = List.copyOf(blocking);
            hiddenCustomers = List.copyOf(hiddenCustomers);
            silos = List.copyOf(silos);
        }

        /** The report as a chat message, with {@code after} (e.g. a link) at the end. */
        public Message message(List<Block> after) {
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Heading(title));
            blocks.add(MapConversation.section("Critical handoffs into and out of your teams", criticalHandoffs,
                    "none named yet"));
            blocks.add(MapConversation.section("Blocking handoffs", blocking, "none"));
            blocks.add(MapConversation.section("Hidden customers", hiddenCustomers,
                    "none: every handoff is named by both sides"));
            blocks.add(MapConversation.section("Silos", silos,
                    "none: every team has a confirmed handoff with another team"));
            blocks.add(Paragraph.builder().strong("Coverage: ").plain(coverage).build());
            blocks.addAll(more);
            blocks.addAll(after);
            StringBuilder text = new StringBuilder(title);
            criticalHandoffs.forEach(line -> text.append("\n• ").append(line));
            return new Message(text.toString(), blocks);
        }
    }
}
