package io.handoff.settings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import io.handoff.map.MapAccess;

/** The admins' {@code settings} chat command. */
@Configuration(proxyBeanMethods = false)
public class SettingsConfiguration {

    @Bean
    @Order(110)
    SettingsFeature settingsFeature(TenantSettingsStore store, MapAccess access) {
        return new SettingsFeature(store, access);
    }
}
