package io.handoff.web;

import io.handoff.security.AdminToken;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.handoff.config.HandoffProperties;

/** The admin token; Spring Security checks it (io.handoff.security.AdminTokenAuthentication). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    AdminToken adminToken(HandoffProperties properties) {
        return AdminToken.fromConfiguration(properties.adminToken());
    }
}
