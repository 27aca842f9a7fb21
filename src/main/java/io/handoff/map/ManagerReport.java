package io.handoff.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.handoff.chat.Action;
import io.handoff.chat.Actor;
import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Heading;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.graph.ClaimedBy;
import io.handoff.graph.Coverage;
import io.handoff.graph.Criticality;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.GraphQueries;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.Health;
import io.handoff.graph.Names;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.graph.TeamMap;
import io.handoff.graph.TenantId;

/**
 * The manager's report, built around what to do next. For each team the manager manages (a section per team when
 * there are several; admins who manage no team get one section for the whole organisation): the three handoffs into
 * and out of the team that need attention most, with their friction figure and its trend in words (or how many
 * answered so far when the friction minimum is not met: never a figure below it); the handoffs named by one side only,
 * who says what of whom; and next steps, each with a button that starts an existing flow of another module
 * ({@link ReportStep}: a story request, a shadowing suggestion, the confirm-or-dispute question). Then the
 * organisation's silos and coverage, and other modules' {@link ReportSection}s.
 */
public final class ManagerReport {
    /** The button of every next step: value {@code <kind>:<upstream>><downstream>}. */
    public static final String NEXT = "map.next";
    static final int TOP = 3;
    static final int MAX_ONE_SIDED = 5;
    static final int MAX_STEPS = 3;
    static final int MAX_SECTIONS = 6;
    static final String BLOCKING = "Blocking means a critical handoff that is disputed or rated 2 of 5 or worse "
            + "(or one recorded as blocking).";
    /** Which step a handoff gets when several apply: settle first, then a shadowing after a story, then a story. */
    private static final List<String> PREFERENCE = List.of("settle", "shadow", "story");

    private final GraphStore store;
    private final FrictionScores friction;
    private final List<ReportSection> sections;
    private final List<ReportStep> steps;

    /** A report with further sections of other modules at its end, and the next steps other modules carry out. */
    public ManagerReport(GraphStore store, FrictionScores friction, List<ReportSection> sections,
                         List<ReportStep> steps) {
        this.store = Objects.requireNonNull(store, "store");
        this.friction = Objects.requireNonNull(friction, "friction");
        this.sections = List.copyOf(sections);
        List<ReportStep> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparingInt(s -> {
            int at = PREFERENCE.indexOf(s.kind());
            return at < 0 ? PREFERENCE.size() : at;
        }));
        this.steps = List.copyOf(sorted);
    }

    public Report build(TenantId tenant, MapAccess.Viewer viewer) {
        if (!viewer.manager() && !viewer.admin()) {
            throw new MapRequestException("The report is for managers: it covers the teams you manage, and you manage "
                    + "none. You may ask for your own map ('map').");
        }
        OrgGraph graph = store.graph(tenant);
        TeamMap teamMap = store.teamMap(tenant);
        Context context = new Context(tenant, viewer, graph, friction.readings(tenant));
        List<Section> built = new ArrayList<>();
        String title;
        if (viewer.manager()) {
            List<TeamId> teams = viewer.managedTeams().keySet().stream()
                    .sorted(Comparator.comparing((TeamId t) -> teamMap.teamName(t).toLowerCase(Locale.ROOT))).toList();
            title = "Handoff report for " + String.join(", ", teams.stream().map(teamMap::teamName).toList());
            for (TeamId team : teams.subList(0, Math.min(MAX_SECTIONS, teams.size()))) {
                Predicate<PersonId> inTeam = p -> graph.teamOf(p).map(team::equals).orElse(false);
                built.add(section(context, teamMap.teamName(team), inTeam,
                        e -> inTeam.test(e.upstream()) != inTeam.test(e.downstream())));
            }
        } else {
            title = "Handoff report for the whole organisation";
            built.add(section(context, "The whole organisation", p -> true,
                    e -> graph.teamOf(e.upstream()).isPresent() && graph.teamOf(e.downstream()).isPresent()
                            && !graph.teamOf(e.upstream()).equals(graph.teamOf(e.downstream()))));
        }
        int more = viewer.manager() ? Math.max(0, viewer.managedTeams().size() - MAX_SECTIONS) : 0;
        List<String> silos = GraphQueries.silos(teamMap).stream().map(teamMap::teamName).toList();
        Coverage coverage = GraphQueries.coverage(teamMap);
        String coverageLine = String.format(Locale.ROOT, "%d of %d teams have a confirmed internal customer and "
                        + "supplier; %d of %d handoffs are confirmed or disputed by the other side",
                coverage.teamsWithConfirmedCustomerAndSupplier(), coverage.teams(), coverage.resolvedEdges(),
                coverage.edges());
        List<Block> others = new ArrayList<>();
        sections.forEach(section -> others.addAll(section.blocks(tenant, viewer)));
        return new Report(title, built, more, silos, coverageLine, others);
    }

    /** What one report needs while it is built. */
    private record Context(TenantId tenant, MapAccess.Viewer viewer, OrgGraph graph, FrictionReading.Lookup readings) {
        String name(PersonId id) {
            return id.equals(viewer.person()) ? "you" : graph.person(id).map(Person::displayName).orElse("someone");
        }

        String first(PersonId id) {
            return id.equals(viewer.person()) ? "you" : graph.person(id).map(Names::first).orElse("someone");
        }

        Optional<FrictionReading> reading(Handoff edge) {
            return edge.status() == EdgeStatus.CONFIRMED
                    ? readings.of(edge.upstream(), edge.downstream(), graph.teamOf(edge.downstream()))
                    : Optional.empty();
        }
    }

    /**
     * A line of the report: one handoff, or the confirmed handoffs of one upstream to several people of one team with
     * the same terms (they share one friction figure: the upstream's, as that team rates it).
     */
    private record Item(List<Handoff> edges, Optional<FrictionReading> reading) {
        Handoff edge() {
            return edges.get(0);
        }
    }

    private Section section(Context c, String heading, Predicate<PersonId> people, Predicate<Handoff> crossing) {
        Map<List<Object>, List<Handoff>> groups = new LinkedHashMap<>();
        c.graph().edges().stream().filter(crossing)
                .sorted(Comparator.comparing((Handoff e) -> c.name(e.downstream()).toLowerCase(Locale.ROOT)))
                .forEach(e -> groups.computeIfAbsent(e.status() == EdgeStatus.CONFIRMED
                        ? List.of(e.upstream(), c.graph().teamOf(e.downstream()).map(Object.class::cast)
                                .orElse(e.downstream()), e.what(), e.criticality(), e.health())
                        : List.of(e), k -> new ArrayList<>()).add(e));
        List<Item> items = groups.values().stream().map(edges -> new Item(edges, c.reading(edges.get(0))))
                .sorted(ATTENTION).toList();
        List<Item> top = items.stream().limit(TOP).toList();
        List<Attention> attention = top.stream().map(i -> new Attention(line(c, i), blocking(i.edge(), i.reading()),
                i.reading().flatMap(FrictionReading::figure).isPresent())).toList();
        List<Handoff> oneSided = c.graph().edges().stream().filter(e -> e.status() == EdgeStatus.CLAIMED)
                .filter(e -> people.test(e.upstream()) || people.test(e.downstream()))
                .sorted(Comparator.comparing(Handoff::criticality, Comparator.reverseOrder())
                        .thenComparing(e -> c.name(e.upstream())).thenComparing(e -> c.name(e.downstream())))
                .toList();
        List<String> hidden = new ArrayList<>();
        oneSided.stream().limit(MAX_ONE_SIDED).forEach(e -> hidden.add(oneSided(c, e)));
        if (oneSided.size() > MAX_ONE_SIDED) {
            hidden.add("…and " + (oneSided.size() - MAX_ONE_SIDED) + " more: type 'map' to see them all");
        }
        Set<Handoff> candidates = new LinkedHashSet<>();
        top.forEach(i -> candidates.add(i.edge()));
        candidates.addAll(oneSided);
        items.forEach(i -> candidates.add(i.edge()));
        List<Step> next = new ArrayList<>();
        for (Handoff edge : candidates) {
            if (next.size() >= MAX_STEPS) {
                break;
            }
            for (ReportStep step : steps) {
                Optional<ReportStep.Offer> offer = step.offer(c.tenant(), c.viewer(), edge, c.graph());
                if (offer.isPresent() && next.stream().anyMatch(n -> n.button().label().equals(offer.get().button()))) {
                    break; // one ask of each kind to a person per section
                }
                if (offer.isPresent()) {
                    next.add(new Step(offer.get().sentence(), Button.of(offer.get().button(), new Action(NEXT,
                            step.kind() + ":" + edge.upstream().value() + ">" + edge.downstream().value()))));
                    break;
                }
            }
        }
        return new Section(heading, attention, hidden, next);
    }

    /**
     * Blocking first; then disputed, rated 2 or worse, or getting worse; then named by one side only; then the rest.
     * Within each: critical first, the lowest rating, the most frequent.
     */
    private static final Comparator<Item> ATTENTION = Comparator.comparingInt((Item i) -> tier(i.edge(), i.reading()))
            .thenComparing(i -> i.edge().criticality(), Comparator.reverseOrder())
            .thenComparingDouble(i -> i.reading().flatMap(FrictionReading::figure)
                    .map(FrictionReading.Figure::mean).orElse(6.0))
            .thenComparing(i -> i.edge().frequency())
            .thenComparing(i -> i.edge().upstream().value()).thenComparing(i -> i.edge().downstream().value());

    private static int tier(Handoff edge, Optional<FrictionReading> reading) {
        if (blocking(edge, reading)) {
            return 0;
        }
        if (edge.status() == EdgeStatus.DISPUTED || reading.map(r -> FrictionWords.bad(r)
                || FrictionWords.worsening(r)).orElse(false)) {
            return 1;
        }
        return edge.status() == EdgeStatus.CLAIMED ? 2 : 3;
    }

    /** A critical handoff that is disputed or rated 2 of 5 or worse, or one recorded as blocking. */
    static boolean blocking(Handoff edge, Optional<FrictionReading> reading) {
        if (edge.health() == Health.BLOCKING) {
            return true;
        }
        return edge.criticality() == Criticality.CRITICAL
                && (edge.status() == EdgeStatus.DISPUTED || reading.map(FrictionWords::bad).orElse(false));
    }

    private static String line(Context c, Item item) {
        Handoff e = item.edge();
        List<String> to = item.edges().stream().map(h -> c.name(h.downstream())).toList();
        String receivers = to.size() == 1 ? to.get(0) : to.size() <= 3
                ? String.join(", ", to.subList(0, to.size() - 1)) + " and " + to.get(to.size() - 1)
                : String.join(", ", to.subList(0, 2)) + " and " + (to.size() - 2) + " others";
        StringBuilder text = new StringBuilder(capital(c.name(e.upstream()))).append(" → ").append(receivers)
                .append(": ").append(e.what()).append(" (");
        if (e.criticality() == Criticality.CRITICAL) {
            text.append("critical, ");
        }
        text.append(switch (e.status()) {
            case CONFIRMED -> "confirmed";
            case DISPUTED -> "disputed";
            case CLAIMED -> "named by " + c.first(e.claimedBy() == ClaimedBy.UPSTREAM ? e.upstream() : e.downstream())
                    + " only";
        }).append(')');
        item.reading().ifPresent(r -> text.append(": ").append(FrictionWords.reading(r)));
        if (blocking(e, item.reading())) {
            text.append(". Blocking");
        }
        return text.toString();
    }

    /** "Noor Haddad says they hand you parcels sorted by route; you have not named Noor yet." */
    private static String oneSided(Context c, Handoff e) {
        boolean byUpstream = e.claimedBy() == ClaimedBy.UPSTREAM;
        PersonId said = byUpstream ? e.upstream() : e.downstream();
        PersonId silent = byUpstream ? e.downstream() : e.upstream();
        boolean you = said.equals(c.viewer().person());
        String subject = you ? "You say you " : c.name(said) + " says they ";
        String claim = byUpstream ? "hand " + c.name(e.downstream()) + " " + e.what()
                : "count on " + possessive(c.name(e.upstream())) + " " + e.what();
        String silence = c.first(silent).equals("you") ? "you have not named " + c.first(said) + " yet"
                : c.first(silent) + " has not named " + c.first(said) + " yet";
        return subject + claim + "; " + silence;
    }

    private static String possessive(String name) {
        return name.equals("you") ? "your" : Names.possessive(name);
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * The step a manager pressed ({@link #NEXT}, value {@code <kind>:<upstream>><downstream>}): refused unless the
     * handoff still exists and touches a team the presser manages (or they are an admin); then the step's module
     * carries it out.
     */
    public Outcome step(Actor actor, MapAccess.Viewer viewer, String value) {
        int colon = value.indexOf(':');
        int arrow = value.indexOf('>', colon + 1);
        if (colon < 1 || arrow < colon + 2 || arrow == value.length() - 1) {
            throw new MapRequestException("That button could not be read. Type 'report' for a fresh report.");
        }
        String kind = value.substring(0, colon);
        ReportStep step = steps.stream().filter(s -> s.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new MapRequestException("That button is no longer in use. Type 'report' for a "
                        + "fresh report."));
        PersonId up;
        PersonId down;
        try {
            up = PersonId.of(value.substring(colon + 1, arrow));
            down = PersonId.of(value.substring(arrow + 1));
        } catch (IllegalArgumentException e) {
            throw new MapRequestException("That button could not be read. Type 'report' for a fresh report.");
        }
        Handoff edge = store.handoff(actor.tenant(), up, down).orElseThrow(() -> new MapRequestException(
                "That handoff is no longer on the map. Type 'report' for a fresh report."));
        OrgGraph graph = store.graph(actor.tenant());
        boolean yours = viewer.admin() || graph.teamOf(up).map(viewer::manages).orElse(false)
                || graph.teamOf(down).map(viewer::manages).orElse(false);
        if (!yours) {
            throw new MapRequestException("That handoff is not one of your teams', so the report cannot act on it.");
        }
        return step.run(actor, edge);
    }

    /** One of the handoffs that need attention, as a line, and whether it is blocking. */
    public record Attention(String line, boolean blocking, boolean rated) {
    }

    /** A next step: what it does, in words, and the button that does it. */
    public record Step(String sentence, Button button) {
    }

    /** A team's part of the report (or the whole organisation's, for an admin). */
    public record Section(String heading, List<Attention> attention, List<String> oneSided, List<Step> steps) {
        public Section {
            attention = List.copyOf(attention);
            oneSided = List.copyOf(oneSided);
            steps = List.copyOf(steps);
        }
    }

    /**
     * The report: its sections, how many teams were left out for length, the organisation's silos and coverage, and
     * {@code more}: the other modules' sections.
     */
    public record Report(String title, List<Section> sections, int teamsLeftOut, List<String> silos, String coverage,
                         List<Block> more) {
        public Report {
            sections = List.copyOf(sections);
            silos = List.copyOf(silos);
            more = List.copyOf(more);
        }

        /** The report as a chat message, with {@code after} (e.g. the map link) after the steps. */
        public Message message(List<Block> after) {
            List<Block> blocks = new ArrayList<>();
            blocks.add(new Heading(title));
            StringBuilder text = new StringBuilder(title);
            boolean several = sections.size() > 1;
            boolean anyBlocking = false;
            boolean anyFigure = false;
            for (Section section : sections) {
                if (several) {
                    blocks.add(new Heading(section.heading()));
                }
                Paragraph.Builder top = Paragraph.builder().strong("The three handoffs that need attention most"
                        + (several ? "" : " (into and out of your team)") + ":");
                if (section.attention().isEmpty()) {
                    top.plain(" none: no handoff crosses into or out of "
                            + (several ? "this team" : "your team") + " yet");
                }
                int n = 1;
                for (Attention a : section.attention()) {
                    top.plain("\n" + n++ + ". " + a.line());
                    anyBlocking |= a.blocking();
                    anyFigure |= a.rated();
                    text.append("\n• ").append(a.line());
                }
                blocks.add(top.build());
                blocks.add(MapConversation.section("Named by one side only", section.oneSided(),
                        "none: every handoff of your people is named by both sides"));
                if (!section.steps().isEmpty()) {
                    Paragraph.Builder next = Paragraph.builder().strong("Next steps:");
                    section.steps().forEach(s -> next.plain("\n• " + s.sentence()));
                    blocks.add(next.build());
                    blocks.add(new Buttons(section.steps().stream().map(Step::button).toList()));
                }
            }
            if (teamsLeftOut > 0) {
                blocks.add(Paragraph.of("…and " + teamsLeftOut + " more teams: type 'map team <name>' for each."));
            }
            List<String> notes = new ArrayList<>();
            if (anyBlocking) {
                notes.add(BLOCKING);
            }
            if (anyFigure) {
                notes.add(FrictionWords.SCALE);
            }
            if (!notes.isEmpty()) {
                blocks.add(Paragraph.of(String.join(" ", notes)));
            }
            blocks.addAll(after);
            blocks.add(MapConversation.section("Silos", silos,
                    "none: every team has a confirmed handoff with another team"));
            blocks.add(Paragraph.builder().strong("Coverage: ").plain(coverage).build());
            blocks.addAll(more);
            return new Message(text.toString(), blocks);
        }
    }
}
