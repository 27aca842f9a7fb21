package io.handoff.crypto;

/** A sealed value that cannot be opened: sealed with a key not configured, moved to another name, or altered. */
public final class UnreadableSecretException extends RuntimeException {
    private final String keyId;

    UnreadableSecretException(String keyId, String message) {
        super(message);
        this.keyId = keyId;
    }

    /** The id of the key the value names ({@code ?} when the value is not even in the sealed format). */
    public String keyId() {
        return keyId;
    }
}
