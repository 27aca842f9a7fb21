package io.handoff.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.handoff.graph.InvalidIdentifierException;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;

/**
 * Fuzzes {@link MapLinks#verify}: a token from outside (random, or a payload signed with the right key, as a leaked
 * key or a future bug would allow) gives a grant or a {@link MapLinkException}, nothing else; a grant signed by
 * {@link MapLinks#sign} verifies to itself.
 */
class MapLinksFuzzTest {
    private static final byte[] KEY = "map-link-fuzz-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
    private final MapLinks links = new MapLinks(KEY, CLOCK, Duration.ofDays(7), URI.create("https://handoff.test"));

    @FuzzTest(maxExecutions = 20_000)
    void verifiesOrRefuses(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 2)) {
            case 0 -> roundTrip(data);
            case 1 -> verify(signed(data.consumeRemainingAsString()));
            default -> verify(data.consumeRemainingAsString());
        }
    }

    private void roundTrip(FuzzedDataProvider data) {
        MapGrant grant;
        try {
            MapScope scope = MapScope.decode(data.consumeString(80));
            grant = links.grant(TenantId.of(data.consumeString(40)), PersonId.of(data.consumeString(40)), scope);
        } catch (InvalidIdentifierException | MapRequestException notAGrant) {
            return;
        }
        assertThat(links.verify(links.sign(grant))).isEqualTo(grant);
    }

    private String signed(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + links.signature(payload);
    }

    private void verify(String token) {
        try {
            assertThat(links.verify(token)).isNotNull();
        } catch (MapLinkException refused) {
            assertThat(refused.reason()).isNotNull();
        }
    }
}
