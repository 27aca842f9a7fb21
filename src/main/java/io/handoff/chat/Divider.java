package io.handoff.chat;

/** A visual separator. */
public record Divider() implements Block {
}
