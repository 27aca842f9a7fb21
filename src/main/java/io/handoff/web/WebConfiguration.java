package io.handoff.web;

import java.nio.file.Path;
import java.util.Optional;

import io.handoff.security.AdminToken;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.handoff.config.HandoffProperties;

/** The admin token; Spring Security checks it (io.handoff.security.AdminTokenAuthentication). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {
    /** Where a local run (embedded Redis) keeps its generated admin token, in the data folder. */
    static final String ADMIN_TOKEN_FILE = "admin-token";

    @Bean
    AdminToken adminToken(HandoffProperties properties) {
        Optional<Path> localTokenFile = properties.redis().embedded()
                ? Optional.of(properties.dataDir().resolve(ADMIN_TOKEN_FILE)) : Optional.empty();
        return AdminToken.fromConfiguration(properties.adminToken(), localTokenFile);
    }
}
