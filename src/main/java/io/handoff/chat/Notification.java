package io.handoff.chat;

import java.util.Objects;

import io.handoff.graph.PersonId;

/**
 * A message to another person, handed to {@link Delivery} by the adapter after it has answered the actor.
 * {@code key} names the message for idempotency (the same key is delivered once), e.g. {@code confirm:pat>dana:k1x2}.
 */
public record Notification(PersonId to, Message message, String key) {
    public Notification {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(key, "key");
        if (key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("a notification key is 1 to 200 characters");
        }
    }
}
