package io.handoff.chat;

import java.util.List;
import java.util.Objects;

/** A message to one person: blocks plus a plain-text summary for notifications and screen readers. */
public record Message(String summary, List<Block> blocks) {
    public Message {
        Objects.requireNonNull(summary, "summary");
        blocks = List.copyOf(blocks);
    }

    public static Message text(String text) {
        return new Message(text, List.of(Paragraph.of(text)));
    }
}
