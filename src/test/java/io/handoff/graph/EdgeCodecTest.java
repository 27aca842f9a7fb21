package io.handoff.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The compact edge text stored in the adjacency hashes. */
class EdgeCodecTest {
    private static final PersonId ANA = PersonId.of("ana");
    private static final PersonId BEN = PersonId.of("ben");
    private static final Instant T0 = Instant.parse("2026-11-02T08:00:00Z");

    @Test
    void aClaimedEdgeRoundTripsWithoutAConfirmationTime() {
        Handoff claimed = Handoff.claimed(ANA, BEN, new HandoffTerms("loaded truck", Frequency.DAILY,
                Criticality.CRITICAL), Side.UPSTREAM, T0);

        String encoded = EdgeCodec.encode(claimed);

        assertThat(encoded).isEqualTo("DCOUC;" + Long.toString(T0.getEpochSecond(), 36) + ";"
                + Long.toString(T0.getEpochSecond(), 36) + ";;loaded truck");
        assertThat(EdgeCodec.decode(ANA, BEN, encoded)).isEqualTo(claimed);
    }

    @Test
    void aConfirmedEdgeWhoseWhatHoldsSemicolonsRoundTrips() {
        Handoff confirmed = Handoff.claimed(ANA, BEN, new HandoffTerms("rota; shifts; cover", Frequency.WEEKLY,
                Criticality.ROUTINE), Side.DOWNSTREAM, T0).confirmedBy(Side.UPSTREAM, T0.plusSeconds(86_400));

        Handoff decoded = EdgeCodec.decode(ANA, BEN, EdgeCodec.encode(confirmed));

        assertThat(decoded).isEqualTo(confirmed);
        assertThat(decoded.what()).isEqualTo("rota; shifts; cover");
        assertThat(decoded.lastConfirmedAt()).isEqualTo(T0.plusSeconds(86_400));
    }

    @Test
    void textThatIsNotAnEdgeIsRefused() {
        for (String broken : new String[] {null, "", "DCOUC", "DCOUC;abc", "DCOUC;abc;abd", "DCOUCX1;2;3;x"}) {
            assertThatThrownBy(() -> EdgeCodec.decode(ANA, BEN, broken)).as(String.valueOf(broken))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
