package io.handoff.chat.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private final Clock now = Clock.fixed(Instant.parse("2026-11-25T15:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsSecondsAndHttpDates() {
        assertThat(RetryAfter.parse(" 120 ", now)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 15:10:00 GMT", now)).contains(Duration.ofMinutes(10));
    }

    @Test
    void aDateInThePastOrANegativeNumberMeansNowAndGarbageMeansNothing() {
        assertThat(RetryAfter.parse("Wed, 25 Nov 2026 14:00:00 GMT", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("-5", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse("", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }
}
