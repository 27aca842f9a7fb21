package io.handoff.graph;

import java.util.List;

/**
 * A person's adjacency as read: their adjacency string ({@code main}: the card, then their lines, or only the card and
 * the part count when the lines are split into parts) and, when split, the parts' texts in order (null for a part
 * that holds no line). See {@link AdjacencyParts}.
 */
record Adjacency(String id, String main, List<String> parts) {
    Adjacency {
        parts = parts == null || parts.isEmpty() ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parts));
    }

    /** Where the card ends in {@link #main}. */
    int cardEnd() {
        int end = main.indexOf('\n');
        return end < 0 ? main.length() : end;
    }

    /** Characters in the string and its parts together. */
    int length() {
        int length = main.length();
        for (int i = 0; i < parts.size(); i++) {
            length += parts.get(i) == null ? 0 : parts.get(i).length();
        }
        return length;
    }

    String card() {
        return main.substring(0, cardEnd());
    }

    /** Visits every line: those of the string itself, then those of each part. */
    void forEachLine(AdjacencyCodec.LineVisitor visitor) {
        AdjacencyCodec.forEachLine(main, visitor);
        for (String part : parts) {
            if (part != null) {
                AdjacencyCodec.forEachLine(part, visitor);
            }
        }
    }

    /** As {@link #forEachLine}, giving where each line's id stands instead of a copy ({@link AdjacencyCodec#forEachLineAt}). */
    void forEachLineAt(AdjacencyCodec.LineRegions visitor) {
        AdjacencyCodec.forEachLineAt(main, visitor);
        for (int i = 0; i < parts.size(); i++) {   // no iterator for the many strings without parts
            String part = parts.get(i);
            if (part != null) {
                AdjacencyCodec.forEachLineAt(part, visitor);
            }
        }
    }

    /** The string and the parts joined, as the scripts hash them to see whether anything changed since a read. */
    String whole() {
        if (parts.isEmpty()) {
            return main;
        }
        StringBuilder text = new StringBuilder(main);
        parts.forEach(part -> text.append(part == null ? "" : part));
        return text.toString();
    }
}
