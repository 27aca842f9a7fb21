package io.handoff.chat;

import java.util.ArrayList;
import java.util.List;

/** Literal text with some parts in bold; see {@link Span}. */
public record Paragraph(List<Span> spans) implements Block {
    public Paragraph {
        spans = List.copyOf(spans);
    }

    public static Paragraph of(String text) {
        return new Paragraph(List.of(Span.plain(text)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The text without formatting (notification previews, plain-text fallbacks). */
    public String plainText() {
        StringBuilder text = new StringBuilder();
        spans.forEach(span -> text.append(span.text()));
        return text.toString();
    }

    public static final class Builder {
        private final List<Span> spans = new ArrayList<>();

        public Builder plain(String text) {
            spans.add(Span.plain(text));
            return this;
        }

        public Builder strong(String text) {
            spans.add(Span.strong(text));
            return this;
        }

        public Paragraph build() {
            return new Paragraph(spans);
        }
    }
}
