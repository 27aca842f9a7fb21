package io.handoff.graph;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

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

    private final List<String> people;
    private final boolean[] last;
    private final String ends;
    private final List<String> encoded;

    private ImportBatch(List<String> people, boolean[] last, String ends, List<String> encoded) {
        this.people = people;
        this.last = last;
        this.ends = ends;
        this.encoded = encoded;
    }

    /**
     * The batches of {@code size} handoffs the ordered handoffs are written in, in that order. Each is prepared when it
     * is got (its edges encoded, its people numbered), so the import prepares a batch while the server runs the one
     * before it; getting a batch again prepares it again.
     */
    static List<ImportBatch> cut(ImportOrder.Ordered ordered, int size) {
        if (2 * size > MAX_PEOPLE) {
            throw new IllegalArgumentException("a batch of " + size + " handoffs could name more people than "
                    + MAX_PEOPLE);
        }
        return new Batches(ordered, size);
    }

    private static final class Batches extends AbstractList<ImportBatch> implements RandomAccess {
        private final ImportOrder.Ordered ordered;
        private final int size;
        /** The import's last batch naming each person. */
        private final int[] lastBatch;
        /** Each person's number in the batch prepared last, valid when {@code numberedIn} is that preparation's. */
        private final int[] number;
        private final int[] numberedIn;
        private int preparations;

        Batches(ImportOrder.Ordered ordered, int size) {
            this.ordered = ordered;
            this.size = size;
            int total = ordered.handoffs().size();
            lastBatch = new int[ordered.people()];
            for (int e = 0; e < total; e++) {
                lastBatch[ordered.up()[e]] = e / size;
                lastBatch[ordered.down()[e]] = e / size;
            }
            number = new int[ordered.people()];
            numberedIn = new int[ordered.people()];
        }

        @Override
        public int size() {
            return (ordered.handoffs().size() + size - 1) / size;
        }

        @Override
        public ImportBatch get(int b) {
            int from = b * size;
            int to = Math.min(ordered.handoffs().size(), from + size);
            if (b < 0 || from >= to) {
                throw new IndexOutOfBoundsException(b);
            }
            int preparation = ++preparations;
            List<String> people = new ArrayList<>();
            boolean[] last = new boolean[2 * (to - from)];
            List<String> encoded = new ArrayList<>(to - from);
            StringBuilder ends = new StringBuilder(4 * (to - from));
            for (int e = from; e < to; e++) {
                Handoff handoff = ordered.handoffs().get(e);
                numberEnd(ends, ordered.up()[e], handoff.upstream(), preparation, b, people, last);
                numberEnd(ends, ordered.down()[e], handoff.downstream(), preparation, b, people, last);
                encoded.add(EdgeCodec.encode(handoff));
            }
            return new ImportBatch(people, Arrays.copyOf(last, people.size()), ends.toString(), encoded);
        }

        private void numberEnd(StringBuilder ends, int person, PersonId id, int preparation, int b, List<String> people,
                               boolean[] last) {
            if (numberedIn[person] != preparation) {
                numberedIn[person] = preparation;
                number[person] = people.size();
                last[people.size()] = lastBatch[person] == b;
                people.add(id.value());
            }
            ends.append((char) (DIGIT_ZERO + number[person] / 64)).append((char) (DIGIT_ZERO + number[person] % 64));
        }
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
