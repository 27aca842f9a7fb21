package io.handoff.map;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.handoff.graph.Handoff;
import io.handoff.graph.OrgGraph;
import io.handoff.graph.TeamId;

/**
 * What one team hands another, item by item: the things its people's handoffs name ("parcels sorted by route"), each
 * with how many handoffs carry it, most common first. Items differing only in case or spacing count as one.
 */
final class TeamItems {
    /** Team maps built without the people's handoffs: labels fall back to counting handoffs. */
    public static final TeamItems NONE = new TeamItems(Map.of());
    static final int SHOWN = 2;

    /** One thing handed over and how many handoffs between the two teams carry it. */
    public record Item(String what, int handoffs) {
        MapEdge.HandedOver handedOver() {
            return new MapEdge.HandedOver(what, handoffs);
        }
    }

    private final Map<String, List<Item>> byPair;

    private TeamItems(Map<String, List<Item>> byPair) {
        this.byPair = byPair;
    }

    public static TeamItems of(OrgGraph graph) {
        Map<String, Map<String, Item>> counted = new HashMap<>();
        for (Handoff edge : graph.edges()) {
            Optional<TeamId> up = graph.teamOf(edge.upstream());
            Optional<TeamId> down = graph.teamOf(edge.downstream());
            if (up.isEmpty() || down.isEmpty() || up.get().equals(down.get())) {
                continue;
            }
            String what = edge.what().replaceAll("\\s+", " ").strip();
            counted.computeIfAbsent(key(up.get(), down.get()), k -> new LinkedHashMap<>())
                    .merge(what.toLowerCase(Locale.ROOT), new Item(what, 1),
                            (a, b) -> new Item(a.what(), a.handoffs() + b.handoffs()));
        }
        Map<String, List<Item>> byPair = new HashMap<>();
        counted.forEach((pair, items) -> {
            List<Item> list = new ArrayList<>(items.values());
            list.sort(Comparator.comparingInt(Item::handoffs).reversed().thenComparing(Item::what));
            byPair.put(pair, List.copyOf(list));
        });
        return new TeamItems(byPair);
    }

    public List<Item> items(TeamId upstream, TeamId downstream) {
        return byPair.getOrDefault(key(upstream, downstream), List.of());
    }

    /**
     * The label of the arrow between two teams: the top items with their counts ("parcels sorted by route (2)",
     * "+1 more" when there are more), or "3 handoffs" when the items are not known.
     */
    public String label(TeamId upstream, TeamId downstream, int handoffs) {
        List<Item> items = items(upstream, downstream);
        if (items.isEmpty()) {
            return handoffs + (handoffs == 1 ? " handoff" : " handoffs");
        }
        StringBuilder label = new StringBuilder();
        for (Item item : items.subList(0, Math.min(SHOWN, items.size()))) {
            if (!label.isEmpty()) {
                label.append("; ");
            }
            label.append(item.what()).append(" (").append(item.handoffs()).append(')');
        }
        if (items.size() > SHOWN) {
            label.append("; +").append(items.size() - SHOWN).append(" more");
        }
        return label.toString();
    }

    private static String key(TeamId upstream, TeamId downstream) {
        return upstream.value() + ">" + downstream.value();
    }
}
