package io.handoff.friction;

import io.handoff.graph.TenantId;
import io.handoff.settings.Setting;
import io.handoff.privacy.RetentionSettings;
import io.handoff.privacy.ExpiringData;
import java.security.SecureRandom;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.handoff.graph.GraphStore;
import io.handoff.nudge.Engagement;
import io.handoff.settings.SettingGroup;
import io.handoff.settings.TenantSettingsStore;
import redis.clients.jedis.UnifiedJedis;

/** Friction polls: their store, service, conversation feature, my-data/forget-me part and the maps' scores. */
@Configuration(proxyBeanMethods = false)
public class FrictionConfiguration {

    /** The tenant settings friction owns. */
    @Bean
    SettingGroup frictionSettingGroup() {
        return FrictionSettings.SETTINGS;
    }

    @Bean
    TenantFrictionSettings tenantFrictionSettings(TenantSettingsStore settings) {
        return tenant -> FrictionSettings.of(settings.settings(tenant));
    }

    /** Retention of friction answers (the tenant's FRICTION_ANSWERS), through this module's store. */
    @Bean
    ExpiringData expiringFrictionAnswers(FrictionStore store) {
        return new ExpiringData() {
            @Override
            public String kind() {
                return "friction answers";
            }

            @Override
            public Setting<java.time.Period> keptFor() {
                return RetentionSettings.FRICTION_ANSWERS;
            }

            @Override
            public int expire(TenantId tenant, java.time.Instant cutoff) {
                return store.expireBefore(tenant, cutoff);
            }
        };
    }

    @Bean
    FrictionStore frictionStore(UnifiedJedis redis) {
        return new FrictionStore(redis);
    }

    @Bean
    FrictionService frictionService(GraphStore graph, FrictionStore store, Engagement engagement,
                                    TenantFrictionSettings settings, Clock clock) {
        return new FrictionService(graph, store, engagement, settings, clock, new SecureRandom());
    }

    @Bean
    @Order(20)
    FrictionFeature frictionFeature(FrictionService friction) {
        return new FrictionFeature(friction);
    }

    @Bean
    FrictionMapScores frictionScores(GraphStore graph, FrictionService friction) {
        return new FrictionMapScores(graph, friction);
    }

    @Bean
    FrictionPersonalData frictionPersonalData(GraphStore graph, FrictionStore store, Engagement engagement) {
        return new FrictionPersonalData(graph, store, engagement);
    }
}
