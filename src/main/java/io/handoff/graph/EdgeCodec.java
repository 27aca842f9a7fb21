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

    /**
     * Decodes the edge encoded in {@code text[from, to)} (a part of a longer stored string). Each edge gets its own
     * {@link HandoffTerms}: sharing them within a read cost more (hashing every item's text to look it up) than
     * making them, as few edges of one map hand over the same item at the same frequency and criticality.
     */
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
        Frequency frequency = Frequency.fromCode(text.charAt(from));
        Criticality criticality = Criticality.fromCode(text.charAt(from + 1));
        HandoffTerms handedOver = new HandoffTerms(text.substring(what, to), frequency, criticality);
        Health health = Health.fromCode(text.charAt(from + 2));
        ClaimedBy claimedBy = ClaimedBy.fromCode(text.charAt(from + 3));
        EdgeStatus status = EdgeStatus.fromCode(text.charAt(from + 4));
        Instant lastConfirmed = confirmed == what - 1 ? null : instant(text, confirmed, what - 1);
        Instant createdAt = instant(text, created, updated - 1);
        // A new edge was created and updated at once, a confirmation updates it when it confirms it: a time spelled
        // as one read before is that Instant again (the same text reads the same, or was refused already).
        Instant updatedAt = same(text, updated, confirmed - 1, created, updated - 1) ? createdAt
                : lastConfirmed != null && same(text, updated, confirmed - 1, confirmed, what - 1) ? lastConfirmed
                : instant(text, updated, confirmed - 1);
        return new Handoff(upstream, downstream, handedOver, health, claimedBy, status, lastConfirmed, createdAt,
                updatedAt);
    }

    private static boolean same(String text, int from, int to, int otherFrom, int otherTo) {
        return to - from == otherTo - otherFrom && text.regionMatches(from, text, otherFrom, to - from);
    }

    /** Base-36 digit of each ASCII character, as {@link Character#digit(char, int)} gives it; -1 for none. */
    private static final byte[] DIGITS = new byte[128];

    static {
        java.util.Arrays.fill(DIGITS, (byte) -1);
        for (char c = 0; c < 128; c++) {
            DIGITS[c] = (byte) Character.digit(c, 36);
        }
    }

    private static String time(Instant instant) {
        return Long.toString(instant.getEpochSecond(), 36);
    }

    /**
     * Seconds in base 36, from 0 to {@link Instant#MAX}; anything else is not an encoded edge. Up to 12 ASCII digits
     * (36^12 is below {@code Long.MAX_VALUE}) are read here; anything else (a sign, more digits, a refusal) goes the
     * way of {@link Long#parseLong(CharSequence, int, int, int)}, which answers the same for those.
     */
    private static Instant instant(String text, int from, int to) {
        if (to > from && to - from <= 12) {
            long seconds = 0;
            int i = from;
            for (; i < to; i++) {
                char c = text.charAt(i);
                int digit = c < 128 ? DIGITS[c] : -1;
                if (digit < 0) {
                    break;
                }
                seconds = seconds * 36 + digit;
            }
            if (i == to && seconds <= Instant.MAX.getEpochSecond()) {
                return Instant.ofEpochSecond(seconds);
            }
        }
        return parsedInstant(text, from, to);
    }

    private static Instant parsedInstant(String text, int from, int to) {
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
