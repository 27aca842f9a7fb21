package io.handoff.chat;

import java.util.Objects;

/**
 * A file sent with a message: a map picture (image/png, shown inline) or an export (text/vnd.graphviz, text/csv...).
 * Slack uploads it with files.uploadV2; Teams sends images inline and other files as attachments.
 */
public record Attachment(String fileName, String mediaType, byte[] content, String title) {
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        title = title == null ? fileName : title;
        if (content.length > MAX_BYTES) {
            throw new IllegalArgumentException("attachment larger than " + MAX_BYTES + " bytes");
        }
    }

    public boolean isImage() {
        return mediaType.startsWith("image/");
    }
}
