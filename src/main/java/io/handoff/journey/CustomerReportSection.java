package io.handoff.journey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.handoff.chat.Block;
import io.handoff.chat.Heading;
import io.handoff.chat.Paragraph;
import io.handoff.graph.GraphStore;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.map.MapAccess;
import io.handoff.map.ReportSection;

/**
 * The customer section of the manager's report: the touchpoints the manager's teams reach (their people on its front
 * line or in its backstage) and the customer signals that fell there. Admins who manage no team: every team.
 */
final class CustomerReportSection implements ReportSection {
    static final int MAX_LINES = 10;

    private final GraphStore graph;
    private final JourneyInsights insights;
    private final Function<TenantId, Map<String, Integer>> walks;

    /** Without the walks: the touchpoints are listed without walk counts. */
    public CustomerReportSection(GraphStore graph, JourneyInsights insights) {
        this.graph = Objects.requireNonNull(graph);
        this.insights = Objects.requireNonNull(insights);
        this.walks = null;
    }

    /** {@code walks}: {@code journey|touchpoint} → how many leaders' walks it had ({@link WalkStore#counts}). */
    public CustomerReportSection(GraphStore graph, JourneyInsights insights,
                                 Function<TenantId, Map<String, Integer>> walks) {
        this.graph = Objects.requireNonNull(graph);
        this.insights = Objects.requireNonNull(insights);
        this.walks = Objects.requireNonNull(walks);
    }

    @Override
    public List<Block> blocks(TenantId tenant, MapAccess.Viewer viewer) {
        List<JourneyInsights.Insight> all = insights.all(tenant);
        if (all.isEmpty()) {
            return List.of();
        }
        OrgGraph org = graph.graph(tenant);
        Set<TeamId> teams = viewer.manager() ? new TreeSet<>(viewer.managedTeams().keySet())
                : new TreeSet<>(org.teams().keySet());
        Map<String, Integer> walked = walks == null ? null : walks.apply(tenant);
        List<String> reached = new ArrayList<>();
        List<String> fell = new ArrayList<>();
        for (JourneyInsights.Insight insight : all) {
            Journey journey = insight.blueprint().journey();
            for (Blueprint.StagePlan stage : insight.blueprint().stages()) {
                for (Blueprint.TouchpointPlan plan : stage.touchpoints()) {
                    if (!reaches(plan, org, teams)) {
                        continue;
                    }
                    Touchpoint t = plan.touchpoint();
                    reached.add(t.name() + " (" + journey.name() + (t.gameOver() ? ", game over" : "")
                            + (walked == null ? "" : "; " + walks(walked.getOrDefault(journey.id().value() + "|"
                            + t.id().value(), 0))) + ")");
                    insight.fallen().stream().filter(f -> f.touchpoint().id().equals(t.id())).findFirst()
                            .ifPresent(f -> f.falls().forEach(fall -> fell.add(t.name() + ": " + fall.describe())));
                }
            }
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading("Customers"));
        blocks.add(lines("Touchpoints your teams reach", reached,
                "none yet: no journey's touchpoint has your teams' people on its front line or behind it"));
        if (!reached.isEmpty()) {
            blocks.add(lines("Customer signals that fell there", fell, "none"));
            blocks.add(Paragraph.of("Type 'journey <id or name>' for a journey's blueprint and where to look inside."));
        }
        return blocks;
    }

    private static String walks(int count) {
        return count == 0 ? "not walked yet" : "walked " + (count == 1 ? "once" : count + " times");
    }

    /** Someone of {@code teams} is on the touchpoint's front line or on either side of a handoff behind it. */
    static boolean reaches(Blueprint.TouchpointPlan plan, OrgGraph org, Set<TeamId> teams) {
        if (plan.owners().teams().stream().anyMatch(teams::contains)) {
            return true;
        }
        List<PersonId> people = new ArrayList<>();
        plan.frontStage().forEach(f -> people.add(f.person()));
        plan.backstage().forEach(h -> people.add(h.upstream()));
        return people.stream().anyMatch(p -> org.teamOf(p).map(teams::contains).orElse(false));
    }

    private static Paragraph lines(String heading, List<String> lines, String none) {
        Paragraph.Builder p = Paragraph.builder().strong(heading + ":");
        if (lines.isEmpty()) {
            p.plain(" " + none);
        }
        lines.stream().limit(MAX_LINES).forEach(line -> p.plain("\n• " + line));
        if (lines.size() > MAX_LINES) {
            p.plain("\n• …and " + (lines.size() - MAX_LINES) + " more");
        }
        return p.build();
    }
}
