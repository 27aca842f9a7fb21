package io.handoff.chat.port;

import java.time.Instant;
import java.util.Optional;

/** Whether a person is around (not out of office, not on leave); {@code backAt} when an absence says its end. */
public record Availability(boolean away, Optional<Instant> backAt) {
    public static final Availability AVAILABLE = new Availability(false, Optional.empty());

    public Availability {
        backAt = backAt == null ? Optional.empty() : backAt;
    }

    public static Availability awayUntil(Instant backAt) {
        return new Availability(true, Optional.ofNullable(backAt));
    }

    public static Availability awayIndefinitely() {
        return new Availability(true, Optional.empty());
    }
}
