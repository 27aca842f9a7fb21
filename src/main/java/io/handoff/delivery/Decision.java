package io.handoff.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DeliveryRules} decided for one message: send it now, wait until {@code until}, or drop it; or, for a
 * prompt, that it went out merged into another prompt message ({@link OutboxSender}).
 */
public record Decision(Verdict verdict, Optional<Instant> until, String reason) {
    /** MERGED: the message went out inside another prompt message to the same person. */
    public enum Verdict { SEND, DEFER, DROP, MERGED }

    public Decision {
        Objects.requireNonNull(verdict, "verdict");
        until = until == null ? Optional.empty() : until;
        reason = reason == null ? "" : reason;
        if (verdict == Verdict.DEFER && until.isEmpty()) {
            throw new IllegalArgumentException("a deferral needs a time");
        }
    }

    public static Decision send() {
        return new Decision(Verdict.SEND, Optional.empty(), "");
    }

    public static Decision defer(Instant until, String reason) {
        return new Decision(Verdict.DEFER, Optional.of(until), reason);
    }

    public static Decision merged(String reason) {
        return new Decision(Verdict.MERGED, Optional.empty(), reason);
    }

    public static Decision drop(String reason) {
        return new Decision(Verdict.DROP, Optional.empty(), reason);
    }
}
