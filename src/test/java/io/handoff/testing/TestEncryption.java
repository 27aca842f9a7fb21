package io.handoff.testing;

import java.util.List;

import io.handoff.crypto.EncryptionKey;
import io.handoff.crypto.SecretBox;

/** The encryption key of the test run: the same as handoff.encryption.key in src/test/resources/config. */
public final class TestEncryption {
    /** Keep equal to handoff.encryption.key in src/test/resources/config/application.properties. */
    public static final String KEY = "5M7mGaS60voetCeEXW4q+kl3HzskfbnLRZxe0mO2/3U=";

    private TestEncryption() {
    }

    public static SecretBox box() {
        return new SecretBox(EncryptionKey.fromBase64("HANDOFF_ENCRYPTION_KEY", KEY), List.of());
    }
}
