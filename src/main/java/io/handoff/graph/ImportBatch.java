package io.handoff.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One batch of an import as import-edges.lua takes it, prepared before the part counts are known: the people it names
 * (each once, numbered from 0 in the order the batch first names them), per edge the numbers of its two ends as one
 * string of base-64 digits, the encoded edges, and for each person whether this is the import's last batch naming
 * them (the script then sets their keys whole, so they need no compaction afterwards).
 */
final class ImportBatch {
    /** A digit of a person's number in {@link #ends}: {@code DIGIT_ZERO + value}, value 0 to 63 (printable ASCII). */
    static final char DIGIT_ZERO = '0';
    /** The most people a batch can name: two base-64 digits. */
    static final int MAX_PEOPLE = 64 * 64;

    private final List<Handoff> handoffs;
    private final List<String> people;
    private final boolean[] last;
    private final String ends;
    private final List<String> encoded;

    private ImportBatch(List<Handoff> handoffs, List<String> people, boolean[] last, String ends, List<String> encoded) {
        this.handoffs = handoffs;
        this.people = people;
        this.last = last;
        this.ends = ends;
        this.encoded = encoded;
    }

    /** The batches of {@code size} handoffs the ordered handoffs are written in, in that order. */
    static List<ImportBatch> cut(ImportOrder.Ordered ordered, int size) {
        if (2 * size > MAX_PEOPLE) {
            throw new IllegalArgumentException("a batch of " + size + " handoffs could name more people than "
                    + MAX_PEOPLE);
        }
        int total = ordered.handoffs().size();
        int[] lastBatch = new int[ordered.people()];
        for (int e = 0; e < total; e++) {
            lastBatch[ordered.up()[e]] = e / size;
            lastBatch[ordered.down()[e]] = e / size;
        }
        int[] numberIn = new int[ordered.people()];
        int[] numberedBy = new int[ordered.people()];
        Arrays.fill(numberedBy, -1);
        List<ImportBatch> batches = new ArrayList<>((total + size - 1) / size);
        for (int from = 0, b = 0; from < total; from += size, b++) {
            int to = Math.min(total, from + size);
            List<String> people = new ArrayList<>();
            List<Boolean> lastFlags = new ArrayList<>();
            List<String> encoded = new ArrayList<>(to - from);
            StringBuilder ends = new StringBuilder(4 * (to - from));
            for (int e = from; e < to; e++) {
                Handoff handoff = ordered.handoffs().get(e);
                int[] ids = {ordered.up()[e], ordered.down()[e]};
                String[] names = {handoff.upstream().value(), handoff.downstream().value()};
                for (int end = 0; end < 2; end++) {
                    int person = ids[end];
                    if (numberedBy[person] != b) {
                        numberedBy[person] = b;
                        numberIn[person] = people.size();
                        people.add(names[end]);
                        lastFlags.add(lastBatch[person] == b);
                    }
                    int number = numberIn[person];
                    ends.append((char) (DIGIT_ZERO + number / 64)).append((char) (DIGIT_ZERO + number % 64));
                }
                encoded.add(EdgeCodec.encode(handoff));
            }
            boolean[] last = new boolean[lastFlags.size()];
            for (int p = 0; p < last.length; p++) {
                last[p] = lastFlags.get(p);
            }
            batches.add(new ImportBatch(ordered.handoffs().subList(from, to), people, last, ends.toString(),
                    encoded));
        }
        return batches;
    }

    List<Handoff> handoffs() {
        return handoffs;
    }

    /** The ids of the people the batch names, in the order the script numbers them. */
    List<String> people() {
        return people;
    }

    /** Whether this is the import's last batch naming person number {@code p}. */
    boolean lastFor(int p) {
        return last[p];
    }

    String ends() {
        return ends;
    }

    List<String> encoded() {
        return encoded;
    }
}
