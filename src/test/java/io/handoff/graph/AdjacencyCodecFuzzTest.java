package io.handoff.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@link AdjacencyCodec}: any stored text reads as a person and lines, or is refused with an
 * {@link IllegalArgumentException} (a card or edge) or {@link IllegalStateException} (a line), never an index error, a
 * DateTimeException, a NumberFormatException or a NullPointerException; a valid
 * person's card reads back as that person, and lines written with {@link AdjacencyCodec#line} read back unchanged.
 */
class AdjacencyCodecFuzzTest {
    private static final PersonId PAT = PersonId.of("pat");
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();

    @FuzzTest(maxExecutions = 20_000)
    void readsOrRefusesAndRoundTrips(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 2)) {
            case 0 -> cardRoundTrip(data);
            case 1 -> linesRoundTrip(data);
            default -> readAnything(data.consumeRemainingAsString());
        }
    }

    private static void cardRoundTrip(FuzzedDataProvider data) {
        Person person;
        try {
            Map<Platform, String> identities = new EnumMap<>(Platform.class);
            for (Platform platform : Platform.values()) {
                if (data.consumeBoolean()) {
                    identities.put(platform, data.consumeString(40));
                }
            }
            String team = data.consumeBoolean() ? data.consumeString(30) : null;
            person = new Person(PAT, data.consumeString(60), data.consumeBoolean() ? data.consumeString(60) : null,
                    team == null ? null : TeamId.of(team), ZoneId.of(data.pickValue(ZONES)), identities);
        } catch (IllegalArgumentException notAPerson) {
            return;
        }
        String card = AdjacencyCodec.card(person);
        assertThat(AdjacencyCodec.person(PAT, card)).isEqualTo(person);
        assertThat(AdjacencyCodec.team(card)).isEqualTo(person.team() == null ? "" : person.team().value());
        Person summary = AdjacencyCodec.person(PAT, AdjacencyCodec.summary(card));
        assertThat(summary.displayName()).isEqualTo(person.displayName());
        assertThat(summary.team()).isEqualTo(person.team());
        assertThat(summary.timeZone()).isEqualTo(person.timeZone());
    }

    private static void linesRoundTrip(FuzzedDataProvider data) {
        List<String> written = new ArrayList<>();
        StringBuilder adjacency = new StringBuilder("Pat\t\t\tUTC");
        int lines = data.consumeInt(0, 4);
        for (int i = 0; i < lines; i++) {
            String other;
            try {
                other = PersonId.of(data.consumeString(20)).value();
            } catch (InvalidIdentifierException notAnId) {
                return;
            }
            char direction = data.consumeBoolean() ? AdjacencyCodec.OUT : AdjacencyCodec.IN;
            String edge = "WCOUC;t68n40;t68n41;;" + data.consumeAsciiString(20).replaceAll("[\\t\\n]", " ");
            written.add(direction + other + "|" + edge + "|Dana\t\tdrivers\tUTC");
            adjacency.append(AdjacencyCodec.line(direction, other, edge, "Dana\t\tdrivers\tUTC"));
        }
        List<String> read = new ArrayList<>();
        AdjacencyCodec.forEachLine(adjacency.toString(), (direction, other, text, edgeFrom, edgeTo, cardFrom, cardTo) ->
                read.add(direction + other + "|" + text.substring(edgeFrom, edgeTo) + "|"
                        + text.substring(cardFrom, cardTo)));
        assertThat(read).isEqualTo(written);
    }

    private static void readAnything(String text) {
        try {
            AdjacencyCodec.person(PAT, AdjacencyCodec.cardOf(text));
            AdjacencyCodec.team(text);
            AdjacencyCodec.summary(text);
            AdjacencyCodec.forEachLine(text, (direction, other, whole, edgeFrom, edgeTo, cardFrom, cardTo) -> {
                EdgeCodec.decode(PAT, PersonId.of(other), whole, edgeFrom, edgeTo);
                AdjacencyCodec.person(PersonId.of(other), whole, cardFrom, cardTo);
            });
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getClass()).isIn(IllegalArgumentException.class, InvalidIdentifierException.class,
                    Refusal.class);
        } catch (IllegalStateException brokenLine) {
            assertThat(brokenLine).hasMessageStartingWith("not an adjacency line");
        }
    }
}
