package io.handoff.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * A job given up after its last failure, as the admin API shows it. For outbox messages {@code to}, {@code key} and
 * {@code summary} say which message it was; other job types leave them empty.
 */
public record DeadLetter(String id, String type, Optional<String> to, Optional<String> key, Optional<String> summary,
                         int failures, String lastError, Optional<Instant> failedAt) {
}
