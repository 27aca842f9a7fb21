package io.handoff.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order an import writes its handoffs in: people who work together come together, so each atomic batch touches
 * few people. A batch reads and rewrites the whole adjacency string of everyone it names, once per batch; handoffs in
 * the order an export or a survey gives them name a different person almost every time, so each person's string is
 * copied once per handoff instead of once per batch. Organisations hand over work mostly inside teams and between a
 * few partner teams: grouping each handoff by the communities of its two ends (found from the handoffs alone, by
 * label propagation) puts a team's handoffs into the same batches.
 *
 * <p>The order is a stable sort by (upstream's community, downstream's community): handoffs between the same two
 * people keep their order, so the last one given still wins, and everything the import guarantees per batch holds.
 * Deterministic: the same handoffs give the same order.
 */
final class ImportOrder {
    /** Rounds of label propagation; communities settle in a few, and a round is one pass over the handoffs. */
    private static final int ROUNDS = 5;

    private ImportOrder() {
    }

    /** The handoffs, grouped by the communities of their ends; fewer than {@code batch} are returned as given. */
    static List<Handoff> clustered(List<Handoff> handoffs, int batch) {
        return ordered(handoffs, batch).handoffs();
    }

    /**
     * The handoffs in the order they are written, with the people they name numbered from 0 ({@code up[e]} and
     * {@code down[e]} are the numbers of the ends of {@code handoffs.get(e)}), so the batches can be cut without
     * looking people up again.
     */
    record Ordered(List<Handoff> handoffs, int[] up, int[] down, int people) {
    }

    /** As {@link #clustered}, with the people numbered. */
    static Ordered ordered(List<Handoff> handoffs, int batch) {
        // Sized once for the most people the handoffs can name (growing a table of 50,000 people took longer).
        Map<PersonId, Integer> index = new HashMap<>(Math.min(2 * handoffs.size(), 1 << 22) * 4 / 3 + 1);
        int[] up = new int[handoffs.size()];
        int[] down = new int[handoffs.size()];
        for (int e = 0; e < handoffs.size(); e++) {
            Handoff handoff = handoffs.get(e);
            up[e] = index.computeIfAbsent(handoff.upstream(), id -> index.size());
            down[e] = index.computeIfAbsent(handoff.downstream(), id -> index.size());
        }
        if (handoffs.size() <= batch) {
            return new Ordered(handoffs, up, down, index.size());
        }
        int[] community = communities(index.size(), up, down);
        // A stable sort by (upstream's community, downstream's community): by the second key, then by the first
        // (counting sorts, each stable), so equal keys keep the order given.
        int[] byUpstream = stableOrder(identity(handoffs.size()), up, identity(index.size()), index.size());
        int[] byDown = stableOrder(byUpstream, down, community, index.size());
        int[] order = stableOrder(byDown, up, community, index.size());
        List<Handoff> ordered = new ArrayList<>(handoffs.size());
        int[] orderedUp = new int[order.length];
        int[] orderedDown = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            int e = order[i];
            ordered.add(handoffs.get(e));
            orderedUp[i] = up[e];
            orderedDown[i] = down[e];
        }
        return new Ordered(ordered, orderedUp, orderedDown, index.size());
    }

    private static int[] identity(int size) {
        int[] order = new int[size];
        for (int e = 0; e < size; e++) {
            order[e] = e;
        }
        return order;
    }

    /** {@code order} stably sorted by {@code community[end[e]]} (a counting sort: communities are person numbers). */
    private static int[] stableOrder(int[] order, int[] end, int[] community, int people) {
        int[] start = new int[people + 1];
        for (int e : order) {
            start[community[end[e]] + 1]++;
        }
        for (int c = 0; c < people; c++) {
            start[c + 1] += start[c];
        }
        int[] sorted = new int[order.length];
        for (int e : order) {
            sorted[start[community[end[e]]]++] = e;
        }
        return sorted;
    }

    /**
     * Label propagation over the handoffs as undirected links: everyone starts in a community of their own and, in
     * turn, joins the community most of their partners are in (ties keep their own, else the lowest), for a few rounds
     * or until nobody moves.
     */
    static int[] communities(int people, int[] up, int[] down) {
        int[] start = new int[people + 1];
        for (int e = 0; e < up.length; e++) {
            start[up[e] + 1]++;
            start[down[e] + 1]++;
        }
        for (int p = 0; p < people; p++) {
            start[p + 1] += start[p];
        }
        int[] partners = new int[start[people]];
        int[] filled = Arrays.copyOf(start, people);
        for (int e = 0; e < up.length; e++) {
            partners[filled[up[e]]++] = down[e];
            partners[filled[down[e]]++] = up[e];
        }
        int[] label = new int[people];
        for (int p = 0; p < people; p++) {
            label[p] = p;
        }
        int[] votes = new int[people];
        int[] voted = new int[people];
        int[] turn = shuffled(people);
        for (int round = 0; round < ROUNDS; round++) {
            boolean moved = false;
            for (int p : turn) {
                int kinds = 0;
                for (int i = start[p]; i < start[p + 1]; i++) {
                    int l = label[partners[i]];
                    if (votes[l]++ == 0) {
                        voted[kinds++] = l;
                    }
                }
                int own = label[p];
                int best = own;
                int most = votes[own];
                for (int k = 0; k < kinds; k++) {
                    int l = voted[k];
                    // A tie keeps the own community, else goes to the one a fixed scramble of the labels puts first
                    // (the lowest label would let one community flood the rest while everyone's votes are 1 each).
                    if (votes[l] > most || (votes[l] == most && best != own && scramble(l) < scramble(best))) {
                        best = l;
                        most = votes[l];
                    }
                }
                for (int k = 0; k < kinds; k++) {
                    votes[voted[k]] = 0;
                }
                if (best != own) {
                    label[p] = best;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        return label;
    }

    /** Everyone once, in an order fixed by a scramble of their numbers (not the order the handoffs named them). */
    private static int[] shuffled(int people) {
        long[] keyed = new long[people];
        for (int p = 0; p < people; p++) {
            keyed[p] = ((long) scramble(p) << 32) | p;
        }
        Arrays.sort(keyed);
        int[] order = new int[people];
        for (int p = 0; p < people; p++) {
            order[p] = (int) keyed[p];
        }
        return order;
    }

    /** A fixed bijective mix of an int (MurmurHash3's finaliser), compared unsigned-free as an int. */
    private static int scramble(int value) {
        int h = value;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
