package io.handoff.crypto;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys that seal secrets stored in Redis; only from the environment (see application.yml).
 *
 * @param key         HANDOFF_ENCRYPTION_KEY: base64 of 32 random bytes ({@code openssl rand -base64 32}); seals
 * @param previousKey HANDOFF_ENCRYPTION_KEY_PREVIOUS: the key before a rotation; only opens
 */
@ConfigurationProperties("handoff.encryption")
record EncryptionProperties(String key, String previousKey) {

    @Override
    public String toString() {
        return "EncryptionProperties[key=" + (present(key) ? "***" : "") + ", previousKey="
                + (present(previousKey) ? "***" : "") + "]";
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
