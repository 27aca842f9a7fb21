package io.handoff.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;

/** The pause as the delivery rules see it through the {@code PauseCheck} port: the preferences, read defensively. */
class PreferencesPauseCheckTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private final TenantId tenant = TestRedis.uniqueTenant();
    private final PersonId pat = PersonId.of("pat");
    private final PreferencesStore preferences = new PreferencesStore(TestRedis.client());

    @Test
    void readsOtherSpellingsOfAPauseDefensively() {
        assertThat(PreferencesStore.parseUntil("1764547200")).hasValue(Instant.parse("2025-12-01T00:00:00Z"));
        assertThat(PreferencesStore.parseUntil("1764547200000")).hasValue(Instant.parse("2025-12-01T00:00:00Z"));
        assertThat(PreferencesStore.parseUntil("2026-12-01T00:00:00Z")).hasValue(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(PreferencesStore.parseUntil("forever")).isEmpty();

        assertThat(preferences.pausedAt(tenant, pat, NOW)).isFalse();
        TestRedis.client().hset(PreferencesStore.key(tenant, pat), Map.of("paused-until", "forever"));
        assertThat(preferences.pausedAt(tenant, pat, NOW)).isTrue();
        TestRedis.client().del(PreferencesStore.key(tenant, pat));
        TestRedis.client().hset(PreferencesStore.key(tenant, pat), Map.of("pausedUntil", "2026-12-01T00:00:00Z"));
        assertThat(preferences.pausedAt(tenant, pat, NOW)).isTrue();
        assertThat(preferences.pausedAt(tenant, pat, Instant.parse("2026-12-01T00:00:01Z"))).isFalse();
        TestRedis.client().del(PreferencesStore.key(tenant, pat));
        TestRedis.client().hset(PreferencesStore.key(tenant, pat), Map.of("paused", "true"));
        assertThat(preferences.pausedAt(tenant, pat, NOW)).isTrue();
    }

    @Test
    void thePauseTheSurveyWritesIsThePauseDeliverySees() {
        preferences.pauseUntil(tenant, pat, Instant.parse("2026-12-01T00:00:00Z"), NOW);

        assertThat(preferences.pausedAt(tenant, pat, NOW)).isTrue();
        assertThat(preferences.pausedAt(tenant, pat, Instant.parse("2026-12-01T00:00:00Z"))).isFalse();
        preferences.resume(tenant, pat);
        assertThat(preferences.pausedAt(tenant, pat, NOW)).isFalse();
    }
}
