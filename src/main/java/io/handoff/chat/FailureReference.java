package io.handoff.chat;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * A fault (any exception that is not a refusal) is logged at ERROR with a short random reference, also in the log's
 * MDC under {@link #MDC_KEY} while it is logged; the person or API client gets a generic message naming only the
 * reference, never the exception's text, so support can find the entry from what the person reports.
 */
public record FailureReference(String id) {
    public static final String MDC_KEY = "failure_ref";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Logs {@code failure} at ERROR with a new reference; {@code context} says what failed (no personal text). */
    public static FailureReference logged(Logger log, String context, Throwable failure) {
        byte[] bytes = new byte[5];
        RANDOM.nextBytes(bytes);
        FailureReference reference = new FailureReference(HexFormat.of().formatHex(bytes));
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, reference.id())) {
            log.error("{} failed (reference {})", context, reference.id(), failure);
        }
        return reference;
    }

    /** What a chat user reads. */
    public String chatText() {
        return "Something went wrong on our side. Please try again in a moment; if it keeps happening, give your admin "
                + "the reference " + id + ".";
    }

    /** What an API client reads in the problem detail. */
    public String apiDetail() {
        return "something went wrong on our side; the error has been logged with reference " + id;
    }
}
