package io.handoff.graph;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Read-only questions about an {@link OrgGraph} or a {@link TeamMap}, answered in memory. Pure functions: no I/O,
 * no shared state; every result is sorted so that equal graphs give equal answers.
 *
 * <p>A DISPUTED handoff is one side saying the handoff does not exist, so the path-based queries (reach,
 * bottlenecks, cycles, staleness) ignore it; CLAIMED and CONFIRMED handoffs count.
 */
public final class GraphQueries {

    private static final Comparator<Handoff> BY_ENDS =
            Comparator.comparing(Handoff::upstream).thenComparing(Handoff::downstream);

    private GraphQueries() {
    }

    // ---- reach ----

    /** The internal customers of {@code person}, theirs, and so on, up to {@code depth} handoffs away. */
    public static List<Reach> downstream(OrgGraph graph, PersonId person, int depth) {
        return reach(graph, person, depth, Handoff::upstream, Handoff::downstream);
    }

    /** The suppliers of {@code person}, theirs, and so on, up to {@code depth} handoffs away. */
    public static List<Reach> upstream(OrgGraph graph, PersonId person, int depth) {
        return reach(graph, person, depth, Handoff::downstream, Handoff::upstream);
    }

    private static List<Reach> reach(OrgGraph graph, PersonId start, int depth,
                                     Function<Handoff, PersonId> from, Function<Handoff, PersonId> to) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(start, "person");
        if (depth < 1) {
            throw new Refusal("depth must be at least 1 (was " + depth + ")");
        }
        Map<PersonId, List<PersonId>> next = new HashMap<>();
        for (Handoff edge : liveEdges(graph)) {
            next.computeIfAbsent(from.apply(edge), k -> new ArrayList<>()).add(to.apply(edge));
        }
        Map<PersonId, Integer> distance = new LinkedHashMap<>();
        distance.put(start, 0);
        List<PersonId> frontier = List.of(start);
        for (int hop = 1; hop <= depth && !frontier.isEmpty(); hop++) {
            List<PersonId> reached = new ArrayList<>();
            for (PersonId p : frontier) {
                for (PersonId q : next.getOrDefault(p, List.of())) {
                    if (distance.putIfAbsent(q, hop) == null) {
                        reached.add(q);
                    }
                }
            }
            frontier = reached;
        }
        distance.remove(start);
        return distance.entrySet().stream()
                .map(e -> new Reach(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(Reach::distance).thenComparing(Reach::person))
                .toList();
    }

    // ---- team level ----

    /**
     * The team map computed from person edges: one link per (upstream team, downstream team) pair, same-team pairs
     * included. Edges with an end whose team is unknown (not in the view, or no team yet) are left out.
     */
    public static TeamMap teamMap(OrgGraph graph) {
        Objects.requireNonNull(graph, "graph");
        Map<TeamId, Map<TeamId, TeamLink>> links = new TreeMap<>();
        for (Handoff edge : graph.edges()) {
            TeamId up = graph.teamOf(edge.upstream()).orElse(null);
            TeamId down = graph.teamOf(edge.downstream()).orElse(null);
            if (up != null && down != null) {
                Map<TeamId, TeamLink> row = links.computeIfAbsent(up, k -> new TreeMap<>());
                row.put(down, row.getOrDefault(down, TeamLink.empty(up, down)).plus(edge));
            }
        }
        return new TeamMap(graph.teams(), links.values().stream().flatMap(m -> m.values().stream()).toList());
    }

    /** Teams that neither give to nor receive from another team any handoff both sides have confirmed. */
    public static List<TeamId> silos(TeamMap map) {
        Set<TeamId> silos = allTeams(map);
        for (TeamLink link : map.links()) {
            if (link.crossTeam() && link.confirmed() > 0) {
                silos.remove(link.upstream());
                silos.remove(link.downstream());
            }
        }
        return List.copyOf(silos);
    }

    /**
     * How much of the organisation is mapped. A team is covered when it has a confirmed internal customer and a
     * confirmed supplier; a colleague in the same team counts for both.
     */
    public static Coverage coverage(TeamMap map) {
        Set<TeamId> teams = allTeams(map);
        Set<TeamId> supplying = new TreeSet<>();
        Set<TeamId> receiving = new TreeSet<>();
        int edges = 0;
        int resolved = 0;
        for (TeamLink link : map.links()) {
            if (link.confirmed() > 0) {
                supplying.add(link.upstream());
                receiving.add(link.downstream());
            }
            edges += link.edges();
            resolved += link.confirmed() + link.disputed();
        }
        supplying.retainAll(receiving);
        return new Coverage(teams.size(), supplying.size(), edges, resolved);
    }

    private static Set<TeamId> allTeams(TeamMap map) {
        Objects.requireNonNull(map, "team map");
        Set<TeamId> teams = new TreeSet<>(map.teams().keySet());
        for (TeamLink link : map.links()) {
            teams.add(link.upstream());
            teams.add(link.downstream());
        }
        return teams;
    }

    // ---- hidden customers ----

    /** Every handoff named by one side only, most critical first, then the longest waiting. */
    public static List<HiddenCustomer> hiddenCustomers(OrgGraph graph) {
        Objects.requireNonNull(graph, "graph");
        return graph.edges().stream()
                .filter(Handoff::pending)
                .sorted(Comparator.comparing(Handoff::criticality, Comparator.reverseOrder())
                        .thenComparing(Handoff::createdAt)
                        .thenComparing(BY_ENDS))
                .map(HiddenCustomer::of)
                .toList();
    }

    // ---- bottlenecks ----

    /**
     * People ranked by how many distinct people receive a CRITICAL handoff from them, most first, ties by id;
     * only people with at least one, at most {@code limit}.
     */
    public static List<PersonBottleneck> personBottlenecks(OrgGraph graph, int limit) {
        Objects.requireNonNull(graph, "graph");
        requireLimit(limit);
        Map<PersonId, Set<PersonId>> all = new HashMap<>();
        Map<PersonId, Set<PersonId>> critical = new HashMap<>();
        for (Handoff edge : liveEdges(graph)) {
            all.computeIfAbsent(edge.upstream(), k -> new TreeSet<>()).add(edge.downstream());
            if (edge.criticality() == Criticality.CRITICAL) {
                critical.computeIfAbsent(edge.upstream(), k -> new TreeSet<>()).add(edge.downstream());
            }
        }
        return critical.entrySet().stream()
                .map(e -> new PersonBottleneck(e.getKey(), e.getValue().size(), all.get(e.getKey()).size()))
                .sorted(Comparator.comparingInt(PersonBottleneck::criticalDependents).reversed()
                        .thenComparing(PersonBottleneck::person))
                .limit(limit)
                .toList();
    }

    /**
     * Teams ranked by the CRITICAL handoffs they give to other teams, most first, ties by id; only teams with at
     * least one, at most {@code limit}. Team counters include disputed handoffs.
     */
    public static List<TeamBottleneck> teamBottlenecks(TeamMap map, int limit) {
        Objects.requireNonNull(map, "team map");
        requireLimit(limit);
        Map<TeamId, int[]> byTeam = new HashMap<>();
        for (TeamLink link : map.links()) {
            if (link.crossTeam() && link.critical() > 0) {
                int[] counts = byTeam.computeIfAbsent(link.upstream(), k -> new int[2]);
                counts[0] += link.critical();
                counts[1]++;
            }
        }
        return byTeam.entrySet().stream()
                .map(e -> new TeamBottleneck(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingInt(TeamBottleneck::criticalHandoffs).reversed()
                        .thenComparing(TeamBottleneck::team))
                .limit(limit)
                .toList();
    }

    private static void requireLimit(int limit) {
        if (limit < 0) {
            throw new Refusal("limit cannot be negative (was " + limit + ")");
        }
    }

    // ---- staleness ----

    /** Non-disputed handoffs last known true before {@code now - maxAge}, oldest first. */
    public static List<Handoff> staleEdges(OrgGraph graph, Instant now, Duration maxAge) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative()) {
            throw new Refusal("maxAge cannot be negative (was " + maxAge + ")");
        }
        Instant threshold = now.minus(maxAge);
        return liveEdges(graph).stream()
                .filter(edge -> edge.lastKnownTrue().isBefore(threshold))
                .sorted(Comparator.comparing(Handoff::lastKnownTrue).thenComparing(BY_ENDS))
                .toList();
    }

    // ---- cycles ----

    /**
     * Groups of two or more people who, following non-disputed handoffs, all depend on each other (strongly
     * connected components). Each group is sorted by id, groups by their first id.
     */
    public static List<List<PersonId>> cycles(OrgGraph graph) {
        Objects.requireNonNull(graph, "graph");
        List<Handoff> live = liveEdges(graph);
        TreeSet<PersonId> people = new TreeSet<>();
        for (Handoff edge : live) {
            people.add(edge.upstream());
            people.add(edge.downstream());
        }
        PersonId[] byIndex = people.toArray(PersonId[]::new);
        Map<PersonId, Integer> index = new HashMap<>();
        for (int i = 0; i < byIndex.length; i++) {
            index.put(byIndex[i], i);
        }
        List<List<Integer>> next = new ArrayList<>(byIndex.length);
        for (int i = 0; i < byIndex.length; i++) {
            next.add(new ArrayList<>());
        }
        for (Handoff edge : live) {
            next.get(index.get(edge.upstream())).add(index.get(edge.downstream()));
        }
        List<List<PersonId>> cycles = new ArrayList<>();
        for (int[] component : new Tarjan(next).components()) {
            if (component.length > 1) {
                cycles.add(Arrays.stream(component).sorted().mapToObj(i -> byIndex[i]).toList());
            }
        }
        cycles.sort(Comparator.comparing(c -> c.get(0)));
        return List.copyOf(cycles);
    }

    /** Tarjan's strongly connected components with an explicit call stack, so long chains cannot overflow. */
    private static final class Tarjan {
        private final List<List<Integer>> next;
        private final int[] order;
        private final int[] low;
        private final int[] nextEdge;
        private final boolean[] onStack;
        private final ArrayDeque<Integer> stack = new ArrayDeque<>();
        private final List<int[]> components = new ArrayList<>();
        private int counter;

        Tarjan(List<List<Integer>> next) {
            this.next = next;
            int n = next.size();
            order = new int[n];
            Arrays.fill(order, -1);
            low = new int[n];
            nextEdge = new int[n];
            onStack = new boolean[n];
        }

        List<int[]> components() {
            for (int v = 0; v < next.size(); v++) {
                if (order[v] < 0) {
                    walk(v);
                }
            }
            return components;
        }

        private void walk(int root) {
            ArrayDeque<Integer> calls = new ArrayDeque<>();
            enter(root, calls);
            while (!calls.isEmpty()) {
                int v = calls.peek();
                List<Integer> out = next.get(v);
                if (nextEdge[v] < out.size()) {
                    int w = out.get(nextEdge[v]++);
                    if (order[w] < 0) {
                        enter(w, calls);
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], order[w]);
                    }
                    continue;
                }
                calls.pop();
                if (!calls.isEmpty()) {
                    int parent = calls.peek();
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == order[v]) {
                    popComponent(v);
                }
            }
        }

        private void enter(int v, ArrayDeque<Integer> calls) {
            order[v] = counter;
            low[v] = counter;
            counter++;
            stack.push(v);
            onStack[v] = true;
            calls.push(v);
        }

        private void popComponent(int root) {
            List<Integer> members = new ArrayList<>();
            int w;
            do {
                w = stack.pop();
                onStack[w] = false;
                members.add(w);
            } while (w != root);
            components.add(members.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    private static List<Handoff> liveEdges(OrgGraph graph) {
        return graph.edges().stream().filter(edge -> edge.status() != EdgeStatus.DISPUTED).toList();
    }
}
