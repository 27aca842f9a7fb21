package io.handoff.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.handoff.delivery.DeliverySettings;
import io.handoff.friction.FrictionSettings;
import io.handoff.graph.TenantId;
import io.handoff.map.MapSettings;
import io.handoff.testing.AllSettings;
import io.handoff.testing.TestRedis;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tenant settings: validation names every problem; unreadable stored fields read as their defaults. */
class TenantSettingsStoreTest {
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final TenantSettingsStore settings = AllSettings.store(TestRedis.client());

    @Test
    void settingsAreValidatedWithEveryProblemNamed() {
        TenantSettings bad = TenantSettings.defaults().with(FrictionSettings.POLL_EVERY, java.time.Period.ZERO)
                .with(DeliverySettings.WORKING_DAYS, Set.of()).with(DeliverySettings.WORKDAY_START, LocalTime.of(18, 0))
                .with(DeliverySettings.WORKDAY_END, LocalTime.of(9, 0)).with(FrictionSettings.MIN_RESPONDENTS, 1)
                .with(FrictionSettings.MIN_COMMENT_RESPONDENTS, 0).with(DeliverySettings.WEEKLY_CAP, 99)
                .with(FrictionSettings.DIGEST_CHANNEL, "has space");

        assertThat(settings.registry().problems(bad)).hasSize(7);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> settings.save(tenant, bad))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("minRespondents must be at least 2");
        assertThat(settings.settings(tenant)).isEqualTo(TenantSettings.defaults());
        TestRedis.client().hset(TenantSettingsStore.key(tenant), Map.of("weekly-cap", "lots", "min-respondents", "4"));
        assertThat(settings.settings(tenant).get(DeliverySettings.WEEKLY_CAP)).isEqualTo(3);
        assertThat(settings.settings(tenant).get(FrictionSettings.MIN_RESPONDENTS)).isEqualTo(4);
        assertThat(settings.settings(tenant).get(MapSettings.MANAGER_REPORT_DIGEST)).isFalse();
        TestRedis.client().hset(TenantSettingsStore.key(tenant), Map.of("manager-report-digest", "yes"));
        assertThat(settings.settings(tenant).get(MapSettings.MANAGER_REPORT_DIGEST)).isFalse();
        TestRedis.client().hset(TenantSettingsStore.key(tenant), Map.of("manager-report-digest", "true"));
        assertThat(settings.settings(tenant).get(MapSettings.MANAGER_REPORT_DIGEST)).isTrue();
    }
}
