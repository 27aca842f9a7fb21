package io.handoff.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tenant settings: validation names every problem; unreadable stored fields read as their defaults. */
class TenantSettingsStoreTest {
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final TenantSettingsStore settings = new TenantSettingsStore(TestRedis.client());

    @Test
    void settingsAreValidatedWithEveryProblemNamed() {
        TenantSettings bad = new TenantSettings(java.time.Period.ZERO, null, null, Set.of(), LocalTime.of(18, 0),
                LocalTime.of(9, 0), 1, 0, 99, null, "has space");

        assertThat(bad.problems()).hasSize(7);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.save(tenant, bad))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("minRespondents must be at least 2");
        assertThat(settings.settings(tenant)).isEqualTo(TenantSettings.defaults());
        TestRedis.client().hset(TenantSettingsStore.key(tenant), Map.of("weekly-cap", "lots", "min-respondents", "4"));
        assertThat(settings.settings(tenant).weeklyCap()).isEqualTo(3);
        assertThat(settings.settings(tenant).minRespondents()).isEqualTo(4);
        assertThat(settings.settings(tenant).managerReportDigest()).isFalse();
        TestRedis.client().hset(TenantSettingsStore.key(tenant), Map.of("manager-report-digest", "yes"));
        assertThat(settings.settings(tenant).managerReportDigest()).isFalse();
        TestRedis.client().hset(TenantSettingsStore.key(tenant), Map.of("manager-report-digest", "true"));
        assertThat(settings.settings(tenant).managerReportDigest()).isTrue();
    }
}
