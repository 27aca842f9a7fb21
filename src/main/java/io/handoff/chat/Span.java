package io.handoff.chat;

import java.util.Objects;

/**
 * A run of text inside a {@link Paragraph}. Text is always literal: adapters escape it for their platform, so text a
 * person typed can never become a mention, a link or markup when shown to someone else.
 */
public record Span(String text, boolean strong) {
    public Span {
        Objects.requireNonNull(text, "text");
    }

    public static Span plain(String text) {
        return new Span(text, false);
    }

    public static Span strong(String text) {
        return new Span(text, true);
    }
}
