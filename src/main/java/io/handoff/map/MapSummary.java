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
                         String collapsedNote, List<String> handedOver) {
    /** How many arrows between teams the summary names with what they carry (the most handoffs first). */
    static final int TOP_FLOWS = 5;
    static final String HANDED_OVER = "What teams hand each other";

    static final int TOP_CRITICAL = 3;
    static final int MAX_HIDDEN = 5;
    static final int TOP_ITEMS = 3;

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
        handedOver = handedOver == null ? List.of() : List.copyOf(handedOver);
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
        // a map by team says what crosses between teams, item by item: "Sorting → Pre-load: sorted parcels ×12, …"
        List<String> flows = map.edges().stream().filter(e -> !e.items().isEmpty())
                .sorted(Comparator.comparingInt(MapEdge::handoffs).reversed().thenComparing(MapEdge::from)
                        .thenComparing(MapEdge::to))
                .limit(TOP_FLOWS).map(e -> map.label(e.from()) + " → " + map.label(e.to()) + ": " + handedOver(e))
                .toList();
        return new MapSummary(map.title(), critical, hidden, siloNames, note, flows);
    }

    static String describe(DependencyMap map, MapEdge e) {
        StringBuilder text = new StringBuilder(map.label(e.from())).append(" → ").append(map.label(e.to()))
                .append(": ").append(handedOver(e)).append(" (").append(e.statusWord());
        e.friction().ifPresent(f -> text.append(String.format(java.util.Locale.ROOT, ", friction %.0f%%", f.score() * 100)));
        if (e.blocking()) {
            text.append(", blocking");
        }
        return text.append(')').toString();
    }

    /**
     * What an arrow carries, in words: a person's handoff is its item; an arrow between teams names its top
     * {@value #TOP_ITEMS} items with how many handoffs carry each ("sorted parcels ×12, route sheets ×3, +2 more").
     * The items are people's own words: every adapter and the map page show them as plain text.
     */
    static String handedOver(MapEdge e) {
        if (e.items().isEmpty()) {
            return e.what();
        }
        StringBuilder text = new StringBuilder();
        for (MapEdge.HandedOver item : e.items().subList(0, Math.min(TOP_ITEMS, e.items().size()))) {
            text.append(text.isEmpty() ? "" : ", ").append(item.what()).append(" ×").append(item.handoffs());
        }
        if (e.items().size() > TOP_ITEMS) {
            text.append(", +").append(e.items().size() - TOP_ITEMS).append(" more");
        }
        return text.toString();
    }

    private static String hidden(DependencyMap map, MapEdge e) {
        if (e.unaware() == null) {
            String between = map.label(e.from()) + " → " + map.label(e.to()) + ": ";
            if (e.items().isEmpty()) {
                return between + e.pending() + (e.pending() == 1 ? " handoff" : " handoffs")
                        + " named by one side only";
            }
            return between + handedOver(e) + "; " + (e.pending() == e.handoffs() ? "all" : e.pending() + " of "
                    + e.handoffs()) + " named by one side only";
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
        if (!handedOver.isEmpty()) {
            section(text, HANDED_OVER, handedOver, "");
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
