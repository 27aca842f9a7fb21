package io.handoff.settings;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import redis.clients.jedis.UnifiedJedis;

/**
 * The settings registry (every {@link SettingGroup} bean the modules declare), the tenant settings store and the
 * admins' {@code settings} chat command.
 */
@Configuration(proxyBeanMethods = false)
class SettingsConfiguration {

    @Bean
    SettingsRegistry settingsRegistry(List<SettingGroup> groups) {
        return new SettingsRegistry(groups);
    }

    @Bean
    TenantSettingsStore tenantSettingsStore(UnifiedJedis redis, SettingsRegistry registry) {
        return new TenantSettingsStore(redis, registry);
    }

    @Bean
    @Order(110)
    SettingsFeature settingsFeature(TenantSettingsStore store, TenantAdmins access) {
        return new SettingsFeature(store, access);
    }
}
