package io.handoff.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The short text that goes with a map picture: the three critical handoffs most in need of attention, hidden
 * customers, silos, and a note when people were collapsed into teams.
 */
public record MapSummary(String title, List<String> criticalHandoffs, List<String> hiddenCustomers, List<String> silos,
                         String collapsedNote) {
    static final int TOP_CRITICAL = 3;
    static final int MAX_HIDDEN = 5;

    /** Worst friction first, then disputed, unconfirmed, blocking, then the most frequent. */
    public static final Comparator<MapEdge> ATTENTION = Comparator
            .comparingDouble((MapEdge e) -> e.friction().map(FrictionAggregate::score).orElse(-1.0)).reversed()
            .thenComparing(MapEdge::anyDisputed, Comparator.reverseOrder())
            .thenComparing(MapEdge::unconfirmed, Comparator.reverseOrder())
            .thenComparing(MapEdge::blocking, Comparator.reverseOrder())
            .thenComparing(MapEdge::weight, Comparator.reverseOrder())
            .thenComparing(MapEdge::from).thenComparing(MapEdge::to);

    public MapSummary {
        Objects.requireNonNull(title, "title");
        criticalHandoffs = List.copyOf(criticalHandoffs);
        hiddenCustomers = List.copyOf(hiddenCustomers);
        silos = List.copyOf(silos);
        collapsedNote = collapsedNote == null ? "" : collapsedNote;
    }

    public static MapSummary of(DependencyMap map, List<String> siloNames) {
        List<String> critical = map.edges().stream().filter(MapEdge::critical).sorted(ATTENTION).limit(TOP_CRITICAL)
                .map(e -> describe(map, e)).toList();
        List<MapEdge> pending = map.edges().stream().filter(e -> e.pending() > 0).toList();
        List<String> hidden = new ArrayList<>();
        pending.stream().limit(MAX_HIDDEN).forEach(e -> hidden.add(hidden(map, e)));
        if (pending.size() > MAX_HIDDEN) {
            hidden.add("…and " + (pending.size() - MAX_HIDDEN) + " more");
        }
        String note = map.collapsed() ? "This map had more than " + MapBuilder.DEFAULT_COLLAPSE_ABOVE
                + " people, so it shows teams instead of people; ask for a smaller depth or a team to see people." : "";
        return new MapSummary(map.title(), critical, hidden, siloNames, note);
    }

    static String describe(DependencyMap map, MapEdge e) {
        StringBuilder text = new StringBuilder(map.label(e.from())).append(" → ").append(map.label(e.to()))
                .append(": ").append(e.what()).append(" (").append(e.statusWord());
        e.friction().ifPresent(f -> text.append(String.format(java.util.Locale.ROOT, ", friction %.0f%%", f.score() * 100)));
        if (e.blocking()) {
            text.append(", blocking");
        }
        return text.append(')').toString();
    }

    private static String hidden(DependencyMap map, MapEdge e) {
        if (e.unaware() == null) {
            return map.label(e.from()) + " → " + map.label(e.to()) + ": " + e.pending()
                    + (e.pending() == 1 ? " handoff" : " handoffs") + " named by one side only";
        }
        if (e.unaware().equals(e.from())) {
            return map.label(e.to()) + " depends on " + map.label(e.from()) + " for “" + e.what() + "”, but "
                    + map.label(e.from()) + " has not named them (a hidden customer)";
        }
        return map.label(e.from()) + " hands “" + e.what() + "” to " + map.label(e.to()) + ", who has not confirmed it yet";
    }

    /** Plain text, one line per item, for the chat message and its notification preview. */
    public String text() {
        StringBuilder text = new StringBuilder(title);
        if (!collapsedNote.isEmpty()) {
            text.append('\n').append(collapsedNote);
        }
        section(text, "Critical handoffs to watch", criticalHandoffs, "none on this map");
        section(text, "Hidden customers", hiddenCustomers, "none: every handoff here is named by both sides");
        section(text, "Silos", silos, "none: every team here has a confirmed handoff with another team");
        return text.toString();
    }

    private static void section(StringBuilder text, String heading, List<String> lines, String none) {
        text.append("\n\n").append(heading).append(':');
        if (lines.isEmpty()) {
            text.append(' ').append(none);
        }
        for (String line : lines) {
            text.append("\n• ").append(line);
        }
    }
}
