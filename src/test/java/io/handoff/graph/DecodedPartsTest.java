package io.handoff.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The decoded parts a replica keeps ({@link DecodedParts}): taken again only while the part's text is the same, a
 * changed part decoded anew, a part that cannot be decoded line by line on its own not kept, and at most the given
 * number of lines kept (the least recently read parts go first). That the maps read with them are the maps read
 * without is {@link AdjacencyDecodingEquivalenceTest} and {@link RedisGraphStorePartsTest}.
 */
class DecodedPartsTest {
    private static final PersonId DESK = PersonId.of("desk");
    private static final String EDGE = "WIOUC;t68n40;t68n40;;route plan";

    @Test
    void aPartIsTakenAgainOnlyWhileItsTextIsTheSame() {
        DecodedParts decoded = new DecodedParts(DecodedParts.MAX_LINES);
        String part = line('>', "pat", "Pat Jones") + line('<', "dana", "Zoë Ünal");
        DecodedParts.Lines first = decoded.lines("k0", DESK, part);
        assertThat(decoded.lines("k0", DESK, new String(part.toCharArray()))).isSameAs(first);
        assertThat(first.count()).isEqualTo(2);
        assertThat(first.edge(0).upstream()).isEqualTo(DESK);
        assertThat(first.edge(1).downstream()).isEqualTo(DESK);
        assertThat(first.summary(1).displayName()).isEqualTo("Zoë Ünal");

        DecodedParts.Lines renamed = decoded.lines("k0", DESK, line('>', "pat", "Pat Smith") + line('<', "dana", "Zoë Ünal"));
        assertThat(renamed).isNotSameAs(first);
        assertThat(renamed.summary(0).displayName()).isEqualTo("Pat Smith");
        // The same text under another owner is that owner's lines, not the kept ones.
        assertThat(decoded.lines("k0", PersonId.of("lee"), part).edge(0).upstream()).isEqualTo(PersonId.of("lee"));
    }

    @Test
    void aPartWithALineThatCannotBeDecodedOnItsOwnIsNotKept() {
        DecodedParts decoded = new DecodedParts(DecodedParts.MAX_LINES);
        // A line about the owner (skipped by a reader, who has read the owner) and a broken edge are not decodable.
        assertThat(decoded.lines("k0", DESK, line('>', "pat", "Pat") + line('<', "desk", "Desk"))).isNull();
        assertThat(decoded.lines("k1", DESK, "\n>pat\tWIOUC;oops\tPat\t\t\t")).isNull();
        assertThat(decoded.size()).isZero();
    }

    @Test
    void atMostTheGivenNumberOfLinesAreKept() {
        DecodedParts decoded = new DecodedParts(10);
        List<DecodedParts.Lines> kept = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            kept.add(decoded.lines("k" + k, DESK, part(k)));
            if (k == 2) {
                assertThat(decoded.lines("k0", DESK, part(0))).isSameAs(kept.get(0));
            }
        }
        // 12 lines read, 10 allowed: k1, least recently read, went; k0 was read again and stays.
        assertThat(decoded.size()).isEqualTo(3);
        assertThat(decoded.lines("k0", DESK, part(0))).isSameAs(kept.get(0));
        assertThat(decoded.lines("k3", DESK, part(3))).isSameAs(kept.get(3));
        assertThat(decoded.lines("k1", DESK, part(1))).isNotSameAs(kept.get(1)).isNotNull();
    }

    private static String part(int k) {
        return line('>', "p" + k, "P") + line('>', "q" + k, "Q") + line('>', "r" + k, "R");
    }

    private static String line(char direction, String other, String name) {
        return AdjacencyCodec.line(direction, other, EDGE, name + "\t\tops\tEurope/Berlin");
    }
}
