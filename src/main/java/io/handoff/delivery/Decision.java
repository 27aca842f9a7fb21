package io.handoff.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What {@link DeliveryRules} decided for one message: send it now, wait until {@code until}, or drop it. */
public record Decision(Verdict verdict, Optional<Instant> until, String reason) {
    public enum Verdict { SEND, DEFER, DROP }

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

    public static Decision drop(String reason) {
        return new Decision(Verdict.DROP, Optional.empty(), reason);
    }
}
