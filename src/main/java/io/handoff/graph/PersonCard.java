package io.handoff.graph;

import java.util.HashMap;
import java.util.Map;

/**
 * A person's fields packed into one string, the value of their entry in the cards hash ({@link GraphKeys#cards()}):
 * {@code field<TAB>value} lines. Written only by the graph scripts (shared function {@code writeCard}) from the
 * person's hash; no stored value can hold a tab or a line break, because names, emails and platform ids refuse
 * control characters ({@link Text}), ids are {@link Identifier}s and time zones are zone ids.
 */
final class PersonCard {
    private PersonCard() {
    }

    /** The fields of a card; empty for a missing card. */
    static Map<String, String> fields(String card) {
        if (card == null || card.isEmpty()) {
            return Map.of();
        }
        Map<String, String> fields = new HashMap<>(16);
        int start = 0;
        while (start < card.length()) {
            int end = card.indexOf('\n', start);
            if (end < 0) {
                end = card.length();
            }
            int tab = card.indexOf('\t', start);
            if (tab > start && tab < end) {
                fields.put(card.substring(start, tab), card.substring(tab + 1, end));
            }
            start = end + 1;
        }
        return fields;
    }
}
