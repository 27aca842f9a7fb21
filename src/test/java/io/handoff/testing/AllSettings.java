package io.handoff.testing;

import io.handoff.delivery.DeliverySettings;
import io.handoff.empathy.EmpathySettings;
import io.handoff.friction.FrictionSettings;
import io.handoff.journey.JourneySettings;
import io.handoff.map.MapSettings;
import io.handoff.privacy.RetentionSettings;
import io.handoff.settings.SettingsRegistry;
import io.handoff.settings.TenantSettingsStore;
import redis.clients.jedis.UnifiedJedis;

/**
 * The application's settings registry for tests without a Spring context: every module's declared settings.
 * {@code SettingsWiringTest} checks that it holds exactly the settings the application registers.
 */
public final class AllSettings {
    private AllSettings() {
    }

    public static SettingsRegistry registry() {
        return SettingsRegistry.of(DeliverySettings.SETTINGS, EmpathySettings.SETTINGS, FrictionSettings.SETTINGS,
                JourneySettings.SETTINGS,
                MapSettings.SETTINGS, RetentionSettings.SETTINGS);
    }

    /** A settings store on {@code redis} with every registered setting. */
    public static TenantSettingsStore store(UnifiedJedis redis) {
        return new TenantSettingsStore(redis, registry());
    }
}
