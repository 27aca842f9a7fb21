package io.handoff.map;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The order in which work flows through a set of boxes: a left-to-right order that keeps the heaviest arrows pointing
 * right. Where arrows form a cycle, the lightest arrow of the cycle goes against the order (a feedback arrow), as far
 * exactly (dynamic programming over subsets) for up to {@value #EXACT_UP_TO} boxes, else as far as the greedy
 * heuristic of Eades, Lin and Smyth (with weights) finds it. Deterministic: ties go to the box named first.
 */
final class FlowOrder {
    static final int EXACT_UP_TO = 14;
    private final Map<String, Integer> rank;

    private FlowOrder(Map<String, Integer> rank) {
        this.rank = rank;
    }

    /** A weighted arrow; several arrows between the same two boxes add up. */
    record Arrow(String from, String to, double weight) {
        Arrow {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    static FlowOrder of(List<String> boxes, List<Arrow> arrows) {
        Set<String> remaining = new LinkedHashSet<>(boxes);
        Map<String, Map<String, Double>> out = new HashMap<>();
        Map<String, Map<String, Double>> in = new HashMap<>();
        for (Arrow arrow : arrows) {
            if (arrow.from().equals(arrow.to()) || !remaining.contains(arrow.from()) || !remaining.contains(arrow.to())) {
                continue;
            }
            out.computeIfAbsent(arrow.from(), k -> new LinkedHashMap<>()).merge(arrow.to(), arrow.weight(), Double::sum);
            in.computeIfAbsent(arrow.to(), k -> new LinkedHashMap<>()).merge(arrow.from(), arrow.weight(), Double::sum);
        }
        List<String> order = remaining.size() <= EXACT_UP_TO ? exact(List.copyOf(remaining), out)
                : greedy(remaining, out, in);
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i), i);
        }
        return new FlowOrder(rank);
    }

    /** The order with the least weight pointing back: best[S] is the cheapest order of the boxes in S, put first. */
    private static List<String> exact(List<String> boxes, Map<String, Map<String, Double>> out) {
        int n = boxes.size();
        double[][] weight = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                weight[i][j] = out.getOrDefault(boxes.get(i), Map.of()).getOrDefault(boxes.get(j), 0.0);
            }
        }
        int full = (1 << n) - 1;
        double[] best = new double[full + 1];
        int[] last = new int[full + 1];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        best[0] = 0;
        for (int set = 0; set < full; set++) {
            if (best[set] == Double.POSITIVE_INFINITY) {
                continue;
            }
            for (int v = 0; v < n; v++) {
                if ((set & (1 << v)) != 0) {
                    continue;
                }
                double back = 0;
                for (int u = 0; u < n; u++) {
                    if ((set & (1 << u)) != 0) {
                        back += weight[v][u];
                    }
                }
                int next = set | (1 << v);
                if (best[set] + back < best[next] - 1e-9) {
                    best[next] = best[set] + back;
                    last[next] = v;
                }
            }
        }
        List<String> order = new ArrayList<>();
        for (int set = full; set != 0; set &= ~(1 << last[set])) {
            order.add(0, boxes.get(last[set]));
        }
        return order;
    }

    private static List<String> greedy(Set<String> remaining, Map<String, Map<String, Double>> out,
                                       Map<String, Map<String, Double>> in) {
        List<String> left = new ArrayList<>();
        Deque<String> right = new ArrayDeque<>();
        while (!remaining.isEmpty()) {
            boolean removed = true;
            while (removed) {
                removed = false;
                for (String box : List.copyOf(remaining)) {
                    if (weight(out, box, remaining) == 0) {
                        right.addFirst(box);
                        remaining.remove(box);
                        removed = true;
                    } else if (weight(in, box, remaining) == 0) {
                        left.add(box);
                        remaining.remove(box);
                        removed = true;
                    }
                }
            }
            if (remaining.isEmpty()) {
                break;
            }
            String best = null;
            double bestFlow = Double.NEGATIVE_INFINITY;
            for (String box : remaining) {
                double flow = weight(out, box, remaining) - weight(in, box, remaining);
                if (flow > bestFlow) {
                    bestFlow = flow;
                    best = box;
                }
            }
            left.add(best);
            remaining.remove(best);
        }
        left.addAll(right);
        return left;
    }

    private static double weight(Map<String, Map<String, Double>> arrows, String box, Set<String> remaining) {
        double sum = 0;
        for (Map.Entry<String, Double> e : arrows.getOrDefault(box, Map.of()).entrySet()) {
            if (remaining.contains(e.getKey())) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    /** The box's place from the left (0 first). */
    int rank(String box) {
        Integer r = rank.get(box);
        if (r == null) {
            throw new IllegalArgumentException("not in this order: " + box);
        }
        return r;
    }

    /** Does an arrow from {@code from} to {@code to} go against the flow (right to left)? */
    boolean against(String from, String to) {
        return rank(from) > rank(to);
    }
}
