package io.handoff.crypto;

/** A feature that stores secrets in a shared Redis was turned on without HANDOFF_ENCRYPTION_KEY. */
public final class MissingEncryptionKeyException extends IllegalStateException {
    private final String feature;

    MissingEncryptionKeyException(String feature) {
        super(feature + " stores secrets in Redis, encrypted with " + EncryptionKeys.VARIABLE + ", which is not set. "
                + action());
        this.feature = feature;
    }

    public String feature() {
        return feature;
    }

    /** What to do, for the error and the startup failure report. */
    static String action() {
        return "Set " + EncryptionKeys.VARIABLE + " to base64 of 32 random bytes, generated once with "
                + "`openssl rand -base64 32`, and keep it with your other secrets (Kubernetes: a key of the Secret "
                + "named in existingSecret, handoff-secrets by default). Every replica needs the same key; values "
                + "sealed with it cannot be read without it. To rotate, move the old key to "
                + EncryptionKeys.VARIABLE + "_PREVIOUS and set a new one.";
    }
}
