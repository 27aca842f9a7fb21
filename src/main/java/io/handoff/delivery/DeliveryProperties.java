package io.handoff.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox's settings ({@code handoff.delivery.*}).
 *
 * @param maxFailures   failed sends after which a message goes to the dead letters (429s with Retry-After do not count)
 * @param maxInlineWait longest rate-limit wait a send thread waits out; longer waits put the message off instead
 * @param rateLimitedGiveUpAfter a platform answering 429 this long since its first 429 gets the message given up
 *                               to the dead letters
 * @param maxRateLimitedRetries  429 answers retried at most per message before it is given up
 * @param maxRetryAfter          the longest platform Retry-After honoured (longer ones are cut to it)
 * @param promptGap              the shortest time between two prompt messages (Handoff's own nudges) to one person;
 *                               prompts due meanwhile wait and then go out together in one message
 */
@ConfigurationProperties("handoff.delivery")
record DeliveryProperties(@DefaultValue("5") int maxFailures, @DefaultValue("2s") Duration maxInlineWait,
                                 @DefaultValue("24h") Duration rateLimitedGiveUpAfter,
                                 @DefaultValue("1000") int maxRateLimitedRetries,
                                 @DefaultValue("1h") Duration maxRetryAfter,
                                 @DefaultValue("1h") Duration promptGap) {
    public DeliveryProperties {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("handoff.delivery.max-failures must be at least 1");
        }
        if (promptGap == null || promptGap.isNegative()) {
            throw new IllegalArgumentException("handoff.delivery.prompt-gap must not be negative");
        }
    }

    public RateLimitedRetries rateLimitedRetries() {
        return new RateLimitedRetries(rateLimitedGiveUpAfter, maxRateLimitedRetries, maxRetryAfter);
    }
}
