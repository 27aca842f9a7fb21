package io.handoff.map;

/** A map link that was tampered with, is malformed, or has expired. */
public class MapLinkException extends RuntimeException {
    public enum Reason { INVALID, EXPIRED }

    private final Reason reason;

    public MapLinkException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
