package io.handoff.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@link EdgeCodec}: any text decodes to an edge or is refused with a plain {@link IllegalArgumentException}
 * (never a NumberFormatException, a DateTimeException or an index error), and every valid edge survives
 * encode → decode unchanged.
 */
class EdgeCodecFuzzTest {
    private static final PersonId UP = PersonId.of("pat");
    private static final PersonId DOWN = PersonId.of("dana");
    /** Instants an edge can hold in its base-36 seconds: up to the year 9999, the range the store writes. */
    private static final long LAST_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    @FuzzTest(maxExecutions = 20_000)
    void decodesOrRefusesAndRoundTrips(FuzzedDataProvider data) {
        if (data.consumeBoolean()) {
            Handoff edge = validEdge(data);
            if (edge != null) {
                assertThat(EdgeCodec.decode(UP, DOWN, EdgeCodec.encode(edge))).isEqualTo(edge);
            }
            return;
        }
        String text = data.consumeRemainingAsString();
        try {
            Handoff decoded = EdgeCodec.decode(UP, DOWN, text);
            assertThat(EdgeCodec.decode(UP, DOWN, EdgeCodec.encode(decoded))).isEqualTo(decoded);
        } catch (IllegalArgumentException refused) {
            // a plain IllegalArgumentException or a Refusal of the text (Text's checks), never a NumberFormatException
            assertThat(refused.getClass()).as("refusal of %s", text).isIn(IllegalArgumentException.class, Refusal.class);
        }
    }

    private static Handoff validEdge(FuzzedDataProvider data) {
        Frequency frequency = data.pickValue(Frequency.values());
        Criticality criticality = data.pickValue(Criticality.values());
        Health health = data.pickValue(Health.values());
        ClaimedBy claimedBy = data.pickValue(ClaimedBy.values());
        EdgeStatus status = claimedBy == ClaimedBy.BOTH ? EdgeStatus.CONFIRMED
                : data.pickValue(new EdgeStatus[] {EdgeStatus.CLAIMED, EdgeStatus.DISPUTED});
        long created = data.consumeLong(0, LAST_SECOND);
        Instant createdAt = Instant.ofEpochSecond(created);
        Instant updatedAt = Instant.ofEpochSecond(data.consumeLong(created, LAST_SECOND));
        Instant confirmedAt = status == EdgeStatus.CONFIRMED || data.consumeBoolean()
                ? Instant.ofEpochSecond(data.consumeLong(created, LAST_SECOND)) : null;
        HandoffTerms terms;
        try {
            terms = new HandoffTerms(data.consumeRemainingAsString(), frequency, criticality);
        } catch (IllegalArgumentException notAText) {
            return null;
        }
        return new Handoff(UP, DOWN, terms, health, claimedBy, status, confirmedAt, createdAt, updatedAt);
    }
}
