package io.handoff.graph;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The decoded lines of the parts of busy people's strings ({@link AdjacencyParts}), kept by this replica while a
 * part's text stays the same. A busy person's map reads all their parts (10,000 lines, 1.4 MB) and decoding the lines
 * is nearly all of its CPU (measured: Jedis reading the reply is about 5%); a write changes one part, so the next read
 * finds the others as they were and takes their decoded lines after comparing the texts (a few microseconds a part).
 * Handoffs and people are immutable values, so maps may share them. Only the least recently read parts, up to
 * {@link #MAX_LINES} lines in all, are kept.
 *
 * <p>A part is decoded whole, every line, the same way {@link NeighbourhoodReader} decodes a line. A part with a line
 * that cannot be decoded on its own (a broken line, a line about the owner themselves) is not kept: the reader reads it
 * line by line as before, which refuses it, or skips the line, exactly as before.
 */
final class DecodedParts {
    /** About 16 MB: some 350 bytes of people and handoffs and 140 of text compared per line. */
    static final int MAX_LINES = 32_768;

    /** TeamIds shared by the parts decoded, so a map's people share one per team; dropped when more than this. */
    private static final int MAX_TEAMS = 4_096;

    private final int maxLines;
    private final Map<String, Lines> byKey = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<String, TeamId> teams = new ConcurrentHashMap<>();
    private int lines;

    DecodedParts(int maxLines) {
        this.maxLines = maxLines;
    }

    /**
     * The lines of {@code text}, the part of {@code owner}'s lines stored at {@code key}: those kept when the text is
     * the same, else decoded now (and kept); null when a line of it cannot be decoded on its own.
     */
    Lines lines(String key, PersonId owner, String text) {
        Lines known;
        synchronized (this) {
            known = byKey.get(key);
        }
        if (known != null && known.owner.equals(owner) && known.text.equals(text)) {
            return known;
        }
        if (teams.size() > MAX_TEAMS) {
            teams.clear();
        }
        Lines decoded = Lines.decode(owner, text, teams);
        if (decoded != null && decoded.count <= maxLines) {
            keep(key, decoded);
        }
        return decoded;
    }

    private synchronized void keep(String key, Lines decoded) {
        Lines replaced = byKey.put(key, decoded);
        lines += decoded.count - (replaced == null ? 0 : replaced.count);
        var eldest = byKey.values().iterator();
        while (lines > maxLines) {
            lines -= eldest.next().count;
            eldest.remove();
        }
    }

    synchronized int size() {
        return byKey.size();
    }

    /** One part's lines, in order: the other's id (and its {@link String#hashCode}), the handoff and their summary. */
    static final class Lines {
        private final PersonId owner;
        private final String text;
        private int count;
        private String[] others;
        private int[] hashes;
        private PersonId[] ids;
        private Handoff[] edges;
        private Person[] summaries;

        private Lines(PersonId owner, String text, int expected) {
            this.owner = owner;
            this.text = text;
            int capacity = Math.max(8, expected);
            others = new String[capacity];
            hashes = new int[capacity];
            ids = new PersonId[capacity];
            edges = new Handoff[capacity];
            summaries = new Person[capacity];
        }

        /**
         * Every line of {@code text} decoded (teams made once in {@code teams}), or null when one cannot be
         * ({@link AdjacencyCodec#forEachLineAt}).
         */
        static Lines decode(PersonId owner, String text, Map<String, TeamId> teams) {
            Lines lines = new Lines(owner, text, text.length() / 64);
            AdjacencyDecoder decoder = new AdjacencyDecoder(teams);
            try {
                AdjacencyCodec.forEachLineAt(text, (direction, t, idFrom, idTo, edgeFrom, edgeTo, summaryFrom, summaryTo) -> {
                    PersonId them = PersonId.of(t.substring(idFrom, idTo));
                    boolean out = direction == AdjacencyCodec.OUT;
                    Handoff edge = decoder.edge(out ? owner : them, out ? them : owner, t, edgeFrom, edgeTo);
                    lines.add(them, edge, decoder.person(them, t, summaryFrom, summaryTo));
                });
            } catch (RuntimeException unreadable) {
                return null;
            }
            return lines;
        }

        private void add(PersonId them, Handoff edge, Person summary) {
            if (count == others.length) {
                int capacity = count * 2;
                others = Arrays.copyOf(others, capacity);
                hashes = Arrays.copyOf(hashes, capacity);
                ids = Arrays.copyOf(ids, capacity);
                edges = Arrays.copyOf(edges, capacity);
                summaries = Arrays.copyOf(summaries, capacity);
            }
            others[count] = them.value();
            hashes[count] = them.value().hashCode();
            ids[count] = them;
            edges[count] = edge;
            summaries[count++] = summary;
        }

        int count() {
            return count;
        }

        String other(int line) {
            return others[line];
        }

        int hash(int line) {
            return hashes[line];
        }

        PersonId id(int line) {
            return ids[line];
        }

        Handoff edge(int line) {
            return edges[line];
        }

        Person summary(int line) {
            return summaries[line];
        }
    }
}
