package io.handoff.graph;

import java.time.Instant;

/**
 * Compact text form of an edge, stored as the value of a field in the two adjacency hashes (the field is the other
 * end's id). Small enough for Redis to keep most adjacency hashes in its listpack encoding.
 *
 * <pre>
 * FCHBS;created;updated;lastConfirmed;what
 * </pre>
 * F frequency (D W M A), C criticality (R I C), H health (O S B), B claimed by (U D B), S status (C F X);
 * times are epoch seconds in base 36 (lastConfirmed empty when never confirmed). The Lua scripts read
 * positions 2 (criticality) and 5 (status) to maintain the team counters, so those positions are fixed.
 */
public final class EdgeCodec {
    private EdgeCodec() {
    }

    public static String encode(Handoff edge) {
        return new StringBuilder(48 + edge.what().length())
                .append(edge.frequency().code())
                .append(edge.criticality().code())
                .append(edge.health().code())
                .append(edge.claimedBy().code())
                .append(edge.status().code())
                .append(';').append(time(edge.createdAt()))
                .append(';').append(time(edge.updatedAt()))
                .append(';').append(edge.lastConfirmedAt() == null ? "" : time(edge.lastConfirmedAt()))
                .append(';').append(edge.what())
                .toString();
    }

    /**
     * The edge {@code encoded} holds; throws {@link IllegalArgumentException} (that class, never a subclass such as
     * NumberFormatException) for text that is not an encoded edge.
     */
    public static Handoff decode(PersonId upstream, PersonId downstream, String encoded) {
        return decode(upstream, downstream, encoded, 0, encoded == null ? 0 : encoded.length());
    }

    /** Decodes the edge encoded in {@code text[from, to)} (a part of a longer stored string). */
    public static Handoff decode(PersonId upstream, PersonId downstream, String text, int from, int to) {
        if (text == null || to - from < 9 || text.charAt(from + 5) != ';') {
            throw new IllegalArgumentException("not an encoded edge: " + (text == null ? null : text.substring(from, to)));
        }
        // Three more ';' after position 5 (the what, last, may itself hold ';'); found by hand, not split(): every
        // edge of every map is decoded here.
        int created = from + 6;
        int updated = text.indexOf(';', created) + 1;
        int confirmed = updated == 0 || updated > to ? 0 : text.indexOf(';', updated) + 1;
        int what = confirmed == 0 || confirmed > to ? 0 : text.indexOf(';', confirmed) + 1;
        if (what == 0 || what > to) {
            throw new IllegalArgumentException("not an encoded edge: " + text.substring(from, to));
        }
        HandoffTerms terms = new HandoffTerms(text.substring(what, to), Frequency.fromCode(text.charAt(from)),
                Criticality.fromCode(text.charAt(from + 1)));
        return new Handoff(upstream, downstream, terms, Health.fromCode(text.charAt(from + 2)),
                ClaimedBy.fromCode(text.charAt(from + 3)), EdgeStatus.fromCode(text.charAt(from + 4)),
                confirmed == what - 1 ? null : instant(text, confirmed, what - 1),
                instant(text, created, updated - 1), instant(text, updated, confirmed - 1));
    }

    private static String time(Instant instant) {
        return Long.toString(instant.getEpochSecond(), 36);
    }

    /** Seconds in base 36, from 0 to {@link Instant#MAX}; anything else is not an encoded edge. */
    private static Instant instant(String text, int from, int to) {
        try {
            long seconds = Long.parseLong(text, from, to, 36);
            if (seconds < 0 || seconds > Instant.MAX.getEpochSecond()) {
                throw new IllegalArgumentException("not an encoded edge (time out of range): " + text);
            }
            return Instant.ofEpochSecond(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an encoded edge (time '" + text.substring(from, to) + "'): " + text);
        }
    }
}
