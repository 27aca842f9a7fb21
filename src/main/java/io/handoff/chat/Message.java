package io.handoff.chat;

import java.util.List;
import java.util.Objects;

/** A message to one person: blocks, files, and a plain-text summary for notifications and screen readers. */
public record Message(String summary, List<Block> blocks, List<Attachment> attachments) {
    public Message {
        Objects.requireNonNull(summary, "summary");
        blocks = List.copyOf(blocks);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Message(String summary, List<Block> blocks) {
        this(summary, blocks, List.of());
    }

    public static Message text(String text) {
        return new Message(text, List.of(Paragraph.of(text)));
    }
}
