package io.handoff.friction;

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
