package io.handoff.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals secrets for storage with AES-256-GCM (the JDK's {@code javax.crypto}): a random 96-bit nonce per value and
 * the storage name (e.g. the Redis key) as associated data, so a value copied under another name does not open.
 * Sealed form: {@code v1:<key id>:<base64(nonce || ciphertext || tag)>}. Always seals with the current key; opens
 * with the current or a previous one (rotation), picked by the key id in the value.
 */
public final class SecretBox {
    static final String VERSION = "v1";
    private static final String PREFIX = VERSION + ":";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final EncryptionKey current;
    private final Map<String, EncryptionKey> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public SecretBox(EncryptionKey current, List<EncryptionKey> previous) {
        this.current = current;
        keys.put(current.id(), current);
        previous.forEach(key -> keys.putIfAbsent(key.id(), key));
    }

    /** A box with a random key that lives as long as this process: only for values nobody needs after a restart. */
    public static SecretBox ephemeral() {
        return new SecretBox(EncryptionKey.generate(), List.of());
    }

    public String currentKeyId() {
        return current.id();
    }

    /** Whether the value is in the sealed format (of any key); anything else is plaintext stored before sealing. */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** Whether the value is sealed with the current key (else it is plaintext or due for re-sealing). */
    public boolean sealedWithCurrentKey(String value) {
        return isSealed(value) && current.id().equals(keyIdOf(value));
    }

    public String seal(String plaintext, String name) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, current.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + current.id() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Opens a value sealed under {@code name}.
     *
     * @throws UnreadableSecretException when its key is not configured, or it was sealed under another name or altered
     */
    public String open(String sealed, String name) {
        if (!isSealed(sealed)) {
            throw new UnreadableSecretException("?", "the value of " + name + " is not sealed");
        }
        String keyId = keyIdOf(sealed);
        EncryptionKey key = keys.get(keyId);
        if (key == null) {
            throw new UnreadableSecretException(keyId, "the value of " + name + " is sealed with key id " + keyId
                    + ", which is not configured (current key id " + current.id() + ", known " + keys.keySet()
                    + "); set HANDOFF_ENCRYPTION_KEY or HANDOFF_ENCRYPTION_KEY_PREVIOUS to that key");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length() + keyId.length() + 1));
        } catch (IllegalArgumentException e) {
            throw new UnreadableSecretException(keyId, "the value of " + name + " (key id " + keyId
                    + ") is not valid base64");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new UnreadableSecretException(keyId, "the value of " + name + " (key id " + keyId + ") is truncated");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnreadableSecretException(keyId, "the value of " + name + " does not authenticate with key id "
                    + keyId + ": it was sealed under another name or altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private static String keyIdOf(String sealed) {
        int end = sealed.indexOf(':', PREFIX.length());
        return end < 0 ? "?" : sealed.substring(PREFIX.length(), end);
    }
}
