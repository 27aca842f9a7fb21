package io.handoff.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text of a person's adjacency string ({@link GraphKeys#adjacency}), written by the graph scripts
 * ({@code adjacency.lua}) and read here:
 *
 * <pre>
 * card
 * &gt;other&lt;TAB&gt;encoded edge&lt;TAB&gt;other's summary      (this person hands work to other)
 * &lt;other&lt;TAB&gt;encoded edge&lt;TAB&gt;other's summary      (other hands work to this person)
 * </pre>
 *
 * A card is a person's fields by position, tab-separated: name, email, team, time zone, then the id on each
 * {@link Platform} in declaration order (a card written before a platform existed simply has fewer fields). Empty
 * means none. A summary is a card with only name, team and time zone: what a map shows of the people at its edge,
 * small enough to copy into every line that leads to them. Ids are {@link Identifier}s and every text value refuses
 * control characters ({@link Text}), so no field can hold a tab or a line break.
 */
final class AdjacencyCodec {
    static final char OUT = '>';
    static final char IN = '<';
    static final int NAME = 1;
    static final int EMAIL = 2;
    static final int TEAM = 3;
    static final int TIME_ZONE = 4;
    private static final Platform[] PLATFORMS = Platform.values();
    private static final Map<String, ZoneId> ZONES = new ConcurrentHashMap<>();

    private AdjacencyCodec() {
    }

    /** The card field number (1-based) holding the person's id on {@code platform}. */
    static int platformField(Platform platform) {
        return TIME_ZONE + 1 + platform.ordinal();
    }

    static String card(Person person) {
        StringBuilder card = new StringBuilder(96).append(person.displayName())
                .append('\t').append(person.email() == null ? "" : person.email())
                .append('\t').append(person.team() == null ? "" : person.team().value())
                .append('\t').append(person.timeZone().getId());
        for (Platform platform : PLATFORMS) {
            String external = person.identities().get(platform);
            card.append('\t').append(external == null ? "" : external);
        }
        return card.toString();
    }

    /** The summary of a card: name, an empty email, team, time zone (as {@code summaryOf} in adjacency.lua). */
    static String summary(String card) {
        String[] fields = card.split("\t", -1);
        return field(fields, NAME) + "\t\t" + field(fields, TEAM) + '\t' + field(fields, TIME_ZONE);
    }

    private static String field(String[] fields, int number) {
        return number <= fields.length ? fields[number - 1] : "";
    }

    /** The card at the head of an adjacency string. */
    static String cardOf(String adjacency) {
        int end = adjacency.indexOf('\n');
        return end < 0 ? adjacency : adjacency.substring(0, end);
    }

    /**
     * The person whose card (or summary) is {@code text[from, to)}; throws {@link IllegalArgumentException} for a card
     * that names no valid person. {@link #forEachLine} throws {@link IllegalStateException} for a broken line.
     */
    static Person person(PersonId id, String text, int from, int to) {
        String name = null;
        String email = null;
        String team = null;
        ZoneId zone = null;
        Map<Platform, String> identities = new EnumMap<>(Platform.class);
        int field = 1;
        int start = from;
        while (start <= to) {
            int tab = text.indexOf('\t', start);
            int end = tab < 0 || tab > to ? to : tab;
            if (end > start) {
                String value = text.substring(start, end);
                switch (field) {
                    case NAME -> name = value;
                    case EMAIL -> email = value;
                    case TEAM -> team = value;
                    case TIME_ZONE -> zone = zone(value);
                    default -> {
                        int platform = field - TIME_ZONE - 1;
                        if (platform < PLATFORMS.length) {
                            identities.put(PLATFORMS[platform], value);
                        }
                    }
                }
            }
            field++;
            start = end + 1;
        }
        return new Person(id, name, email, team == null ? null : TeamId.of(team), zone, identities);
    }

    /** A card's time zone; one Java does not know is refused like every other unreadable card field. */
    static ZoneId zone(String id) {
        try {
            return ZONES.computeIfAbsent(id, ZoneId::of);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a time zone in a card: " + id);
        }
    }

    static Person person(PersonId id, String card) {
        return person(id, card, 0, card.length());
    }

    /** The team field of a card; empty when the person has no team. */
    static String team(String card) {
        int start = 0;
        for (int field = 1; field < TEAM; field++) {
            start = card.indexOf('\t', start) + 1;
            if (start == 0) {
                return "";
            }
        }
        int end = card.indexOf('\t', start);
        return card.substring(start, end < 0 ? card.length() : end);
    }

    /** Everyone named in an adjacency string's lines, once each, in order. */
    static Set<String> others(String adjacency) {
        Set<String> others = new LinkedHashSet<>();
        forEachLine(adjacency, (direction, other, text, edgeFrom, edgeTo, cardFrom, cardTo) -> others.add(other));
        return others;
    }

    /** One line of an adjacency string: the other's id, and where its edge and card are in {@code text}. */
    @FunctionalInterface
    interface LineVisitor {
        void line(char direction, String other, String text, int edgeFrom, int edgeTo, int cardFrom, int cardTo);
    }

    /** The last line of a person's string whose lines are split into parts: '#' and the part count. */
    static final char PARTS = '#';

    /**
     * Visits the lines of an adjacency string (or of a part, which holds lines only) in order; the part count line
     * of a split string is not a handoff and is skipped.
     */
    static void forEachLine(String adjacency, LineVisitor visitor) {
        forEachLineAt(adjacency, (direction, text, idFrom, idTo, edgeFrom, edgeTo, cardFrom, cardTo) ->
                visitor.line(direction, text.substring(idFrom, idTo), text, edgeFrom, edgeTo, cardFrom, cardTo));
    }

    /** One line of an adjacency string: where the other's id, the edge and the other's card are in {@code text}. */
    @FunctionalInterface
    interface LineRegions {
        void line(char direction, String text, int idFrom, int idTo, int edgeFrom, int edgeTo, int cardFrom,
                  int cardTo);
    }

    /**
     * As {@link #forEachLine(String, LineVisitor)}, giving where the other's id stands instead of a copy of it (the
     * readers of maps look ids up where they stand, {@link RegionMap}); the same lines, the same refusals.
     */
    static void forEachLineAt(String adjacency, LineRegions visitor) {
        int length = adjacency.length();
        int at = adjacency.indexOf('\n');
        while (at >= 0 && at + 1 < length) {
            if (adjacency.charAt(at + 1) == PARTS) {
                at = adjacency.indexOf('\n', at + 1);
                continue;
            }
            int idEnd = adjacency.indexOf('\t', at + 2);
            int edgeEnd = idEnd < 0 ? -1 : adjacency.indexOf('\t', idEnd + 1);
            int next = adjacency.indexOf('\n', at + 1);
            int lineEnd = next < 0 ? length : next;
            if (edgeEnd < 0 || edgeEnd > lineEnd) {
                throw new IllegalStateException("not an adjacency line: " + adjacency.substring(at + 1, lineEnd));
            }
            visitor.line(adjacency.charAt(at + 1), adjacency, at + 2, idEnd, idEnd + 1, edgeEnd, edgeEnd + 1, lineEnd);
            at = next;
        }
    }

    /** A line of an adjacency string, its leading line break included (for building strings outside the scripts). */
    static String line(char direction, String other, String encodedEdge, String otherSummary) {
        return "\n" + direction + other + '\t' + encodedEdge + '\t' + otherSummary;
    }

    /** SHA-1 of the text's UTF-8 bytes in lower-case hex, as Lua's {@code redis.sha1hex} computes it. */
    static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
