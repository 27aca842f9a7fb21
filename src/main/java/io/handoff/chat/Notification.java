package io.handoff.chat;

import java.util.Objects;

import io.handoff.graph.PersonId;

/** A message to another person, sent by the adapter after it has answered the actor. */
public record Notification(PersonId to, Message message) {
    public Notification {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(message, "message");
    }
}
