package io.handoff.graph;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A moment as the person reading it sees it: in their own time zone, with the zone named ("8 Dec 2026, 09:00 GMT"),
 * never in the server's zone or as an ISO timestamp.
 */
public final class ReaderTime {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm zzz", Locale.ENGLISH);

    private ReaderTime() {
    }

    public static String of(Instant at, ZoneId readerZone) {
        return FORMAT.withZone(readerZone).format(at);
    }

    /** In the zone of {@code reader} (UTC for someone the graph does not know). */
    public static String of(Instant at, GraphStore graph, TenantId tenant, PersonId reader) {
        return of(at, graph.person(tenant, reader).map(Person::timeZone).orElse(ZoneId.of("UTC")));
    }
}
