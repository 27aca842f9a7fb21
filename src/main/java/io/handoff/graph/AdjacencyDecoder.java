package io.handoff.graph;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads cards and edges out of the adjacency strings of one read (an ego map, a chain), sharing what repeats across
 * its lines: a team or time zone met before is looked up where it stands in the text (a scan of the few time zones,
 * the last team, then {@link RegionMap}) instead of being cut out and checked again, so each is checked once per
 * read. Answers and
 * refusals are those of {@link AdjacencyCodec#person} and {@link EdgeCodec#decode}, field by field in the same order.
 * Not thread-safe: one per read.
 */
final class AdjacencyDecoder {
    private static final Platform[] PLATFORMS = Platform.values();

    /** Time zones are few: the first ones met are found by a scan (length first), cheaper than hashing the name. */
    private static final int ZONES_SCANNED = 16;

    private final String[] zoneNames = new String[ZONES_SCANNED];
    private final ZoneId[] zoneIds = new ZoneId[ZONES_SCANNED];
    private int zonesScanned;
    /** The time zones met after the first {@link #ZONES_SCANNED} (made only by a read that meets that many). */
    private RegionMap<ZoneId> zones;
    private final RegionMap<TeamId> teams = new RegionMap<>(8);
    /** The team found last: people of one team come together (a person's lines lead mostly into their own team). */
    private TeamId lastTeam;
    /** TeamIds shared with other decoders (those of {@link DecodedParts}), or null. */
    private final Map<String, TeamId> sharedTeams;

    AdjacencyDecoder() {
        this(null);
    }

    AdjacencyDecoder(Map<String, TeamId> sharedTeams) {
        this.sharedTeams = sharedTeams;
    }

    /** The edge encoded in {@code text[from, to)}, as {@link EdgeCodec#decode(PersonId, PersonId, String, int, int)}. */
    Handoff edge(PersonId upstream, PersonId downstream, String text, int from, int to) {
        return EdgeCodec.decode(upstream, downstream, text, from, to);
    }

    /** The person whose card (or summary) is {@code text[from, to)}, as {@link AdjacencyCodec#person}. */
    Person person(PersonId id, String text, int from, int to) {
        String name = null;
        String email = null;
        int teamFrom = -1;
        int teamTo = -1;
        ZoneId zone = null;
        Map<Platform, String> identities = null;
        int field = AdjacencyCodec.NAME;
        int start = from;
        while (start <= to) {
            int tab = text.indexOf('\t', start);
            int end = tab < 0 || tab > to ? to : tab;
            if (end > start) {
                switch (field) {
                    case AdjacencyCodec.NAME -> name = text.substring(start, end);
                    case AdjacencyCodec.EMAIL -> email = text.substring(start, end);
                    case AdjacencyCodec.TEAM -> {
                        teamFrom = start;
                        teamTo = end;
                    }
                    case AdjacencyCodec.TIME_ZONE -> zone = zone(text, start, end);
                    default -> {
                        int platform = field - AdjacencyCodec.TIME_ZONE - 1;
                        if (platform < PLATFORMS.length) {
                            if (identities == null) {
                                identities = new EnumMap<>(Platform.class);
                            }
                            identities.put(PLATFORMS[platform], text.substring(start, end));
                        }
                    }
                }
            }
            field++;
            start = end + 1;
        }
        TeamId team = teamFrom < 0 ? null : team(text, teamFrom, teamTo);
        return new Person(id, name, email, team, zone, identities == null ? Map.of() : identities);
    }

    private ZoneId zone(String text, int from, int to) {
        int length = to - from;
        for (int i = 0; i < zonesScanned; i++) {
            String name = zoneNames[i];
            if (name.length() == length && text.regionMatches(from, name, 0, length)) {
                return zoneIds[i];
            }
        }
        if (zonesScanned == ZONES_SCANNED && zones == null) {
            zones = new RegionMap<>(4);
        }
        ZoneId zone = zonesScanned < ZONES_SCANNED ? null : zones.get(text, from, to);
        if (zone == null) {
            String id = text.substring(from, to);
            zone = AdjacencyCodec.zone(id);
            if (zonesScanned < ZONES_SCANNED) {
                zoneNames[zonesScanned] = id;
                zoneIds[zonesScanned++] = zone;
            } else {
                zones.put(id, zone);
            }
        }
        return zone;
    }

    private TeamId team(String text, int from, int to) {
        TeamId last = lastTeam;
        if (last != null && last.value().length() == to - from && text.regionMatches(from, last.value(), 0, to - from)) {
            return last;
        }
        TeamId team = teams.get(text, from, to);
        if (team == null) {
            String id = text.substring(from, to);
            team = sharedTeams == null ? TeamId.of(id) : sharedTeams.computeIfAbsent(id, TeamId::of);
            teams.put(id, team);
        }
        lastTeam = team;
        return team;
    }
}
