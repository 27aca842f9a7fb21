package io.handoff.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES key and its id: the first 8 hex digits of SHA-256 over a label and the key, so a stored value names
 * the key that sealed it without revealing anything usable about the key.
 */
public final class EncryptionKey {
    static final int BYTES = 32;

    private final String id;
    private final SecretKey key;

    private EncryptionKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = idOf(bytes);
    }

    /** The key in an environment variable: base64 of exactly 32 bytes; the error names the variable, never the value. */
    public static EncryptionKey fromBase64(String variable, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + " is not base64; generate a key with `openssl rand -base64 32`");
        }
        if (bytes.length != BYTES) {
            throw new IllegalStateException(variable + " must be base64 of 32 bytes (AES-256), not " + bytes.length
                    + " bytes; generate one with `openssl rand -base64 32`");
        }
        return new EncryptionKey(bytes);
    }

    /** A fresh random key. */
    public static EncryptionKey generate() {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        return new EncryptionKey(bytes);
    }

    public String id() {
        return id;
    }

    SecretKey secretKey() {
        return key;
    }

    /** The key as base64, for writing the development key file only. */
    String base64() {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    @Override
    public String toString() {
        return "EncryptionKey[" + id + "]";
    }

    private static String idOf(byte[] bytes) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("handoff-key-id:".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest(bytes), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
