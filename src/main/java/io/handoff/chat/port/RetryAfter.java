package io.handoff.chat.port;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The wait an HTTP {@code Retry-After} header asks for (RFC 9110: whole seconds or an HTTP date), shared by the
 * platform adapters so Slack, the Bot Framework connector and Microsoft Graph are read alike.
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    /** The wait, never negative; empty when the header is missing or is neither seconds nor a date. */
    public static Optional<Duration> parse(String value) {
        return parse(value, Clock.systemUTC());
    }

    static Optional<Duration> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
