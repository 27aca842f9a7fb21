package io.handoff.chat.port;

import java.time.Duration;
import java.util.Optional;

/**
 * A send that did not go through. {@code retryAfter} is the platform's own wait (HTTP 429 Retry-After); a
 * {@code permanent} failure (unknown user, app uninstalled) will never succeed and goes to the dead letters at once.
 */
public class SendFailure extends RuntimeException {
    private final transient Duration retryAfter;
    private final boolean permanent;

    public SendFailure(String message, Duration retryAfter, boolean permanent, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
        this.permanent = permanent;
    }

    public static SendFailure rateLimited(Duration retryAfter) {
        return new SendFailure("rate limited, retry after " + retryAfter, retryAfter, false, null);
    }

    public static SendFailure transientFailure(String message, Throwable cause) {
        return new SendFailure(message, null, false, cause);
    }

    public static SendFailure permanentFailure(String message) {
        return new SendFailure(message, null, true, null);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean permanent() {
        return permanent;
    }
}
