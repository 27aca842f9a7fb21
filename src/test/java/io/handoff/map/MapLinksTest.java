package io.handoff.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;

class MapLinksTest {
    private static final byte[] SECRET = "a-secret-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8);
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final TenantId TENANT = TenantId.of("demo");
    private static final URI BASE = URI.create("https://handoff.example/");

    private static MapLinks at(Instant now) {
        return new MapLinks(SECRET, Clock.fixed(now, ZoneOffset.UTC), Duration.ofHours(24), BASE);
    }

    @Test
    void aLinkCarriesTenantViewerScopeAndExpiryForADay() {
        MapLinks links = at(T0);
        MapGrant grant = links.grant(TENANT, PersonId.of("ravi"), new MapScope.Team(TeamId.of("drivers"), 2));

        String token = links.sign(grant);

        assertThat(grant.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(at(T0.plus(Duration.ofHours(23))).verify(token)).isEqualTo(grant);
        assertThat(links.url(grant).toString()).isEqualTo("https://handoff.example/maps/" + token);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void refusesALinkPastItsExpiry() {
        String token = at(T0).sign(at(T0).grant(TENANT, PersonId.of("pat"), new MapScope.Org()));

        assertThatThrownBy(() -> at(T0.plus(Duration.ofHours(24))).verify(token))
                .isInstanceOfSatisfying(MapLinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(MapLinkException.Reason.EXPIRED))
                .hasMessageContaining("expired");
    }

    @Test
    void refusesEveryChangedCharacterAnotherKeyAndAForgedPayload() {
        MapLinks links = at(T0);
        String token = links.sign(links.grant(TENANT, PersonId.of("pat"), new MapScope.Person(PersonId.of("pat"), 2)));
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String changed = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            if (!changed.equals(token)) {
                assertInvalid(links, changed);
            }
        }
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        String widened = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("person:pat:2", "org").getBytes(StandardCharsets.UTF_8));
        assertInvalid(links, widened + token.substring(token.indexOf('.')));
        MapLinks otherKey = new MapLinks("another-secret-of-16-bytes".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(T0, ZoneOffset.UTC), Duration.ofHours(24), BASE);
        assertInvalid(otherKey, token);
        for (String junk : new String[] {"", ".", "abc", "a.b.c", "%%%.%%%", "x".repeat(5000)}) {
            assertInvalid(links, junk);
        }
    }

    @Test
    void generatesAKeyWhenNoSecretIsConfiguredAndRejectsShortSecrets() {
        MapLinks generated = MapLinks.fromConfiguration(MapProperties.defaults(), Clock.fixed(T0, ZoneOffset.UTC));
        MapLinks another = MapLinks.fromConfiguration(MapProperties.defaults(), Clock.fixed(T0, ZoneOffset.UTC));
        String token = generated.sign(generated.grant(TENANT, PersonId.of("pat"), new MapScope.Org()));

        assertThat(generated.verify(token).viewer()).isEqualTo(PersonId.of("pat"));
        assertInvalid(another, token);
        MapProperties shortSecret = new MapProperties(URI.create("http://localhost:8080"), "short", Duration.ofHours(1),
                null, 80, Duration.ofSeconds(5), org.springframework.util.unit.DataSize.ofMegabytes(32));
        assertThatThrownBy(() -> MapLinks.fromConfiguration(shortSecret, Clock.systemUTC()))
                .hasMessageContaining("at least 16");
    }

    private static void assertInvalid(MapLinks links, String token) {
        assertThatThrownBy(() -> links.verify(token)).as(token)
                .isInstanceOfSatisfying(MapLinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(MapLinkException.Reason.INVALID));
    }
}
