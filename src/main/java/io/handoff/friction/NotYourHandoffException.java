package io.handoff.friction;

/** The person asked about or acted on a handoff that is not theirs to act on (or no longer exists). */
class NotYourHandoffException extends RuntimeException {
    public NotYourHandoffException(String message) {
        super(message);
    }
}
