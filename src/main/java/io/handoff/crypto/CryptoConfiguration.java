package io.handoff.crypto;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.handoff.config.HandoffProperties;

/** The keys that seal secrets stored in Redis (HANDOFF_ENCRYPTION_KEY), checked at startup. */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {
    @Bean
    EncryptionKeys encryptionKeys(EncryptionProperties properties, HandoffProperties handoff) {
        return new EncryptionKeys(properties, handoff.redis().embedded(), handoff.dataDir());
    }
}
