package io.handoff.chat;

import java.util.Objects;

/** A short literal title. */
public record Heading(String text) implements Block {
    public Heading {
        Objects.requireNonNull(text, "text");
    }
}
