package io.handoff.settings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import redis.clients.jedis.UnifiedJedis;

/** The tenant settings and the admins' {@code settings} chat command. */
@Configuration(proxyBeanMethods = false)
public class SettingsConfiguration {

    @Bean
    TenantSettingsStore tenantSettingsStore(UnifiedJedis redis) {
        return new TenantSettingsStore(redis);
    }

    @Bean
    @Order(110)
    SettingsFeature settingsFeature(TenantSettingsStore store, TenantAdmins access) {
        return new SettingsFeature(store, access);
    }
}
