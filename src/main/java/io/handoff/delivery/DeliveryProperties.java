package io.handoff.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox's settings ({@code handoff.delivery.*}).
 *
 * @param maxFailures   failed sends after which a message goes to the dead letters (429s with Retry-After do not count)
 * @param maxInlineWait longest rate-limit wait a send thread waits out; longer waits put the message off instead
 */
@ConfigurationProperties("handoff.delivery")
public record DeliveryProperties(@DefaultValue("5") int maxFailures, @DefaultValue("2s") Duration maxInlineWait) {
    public DeliveryProperties {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("handoff.delivery.max-failures must be at least 1");
        }
    }
}
