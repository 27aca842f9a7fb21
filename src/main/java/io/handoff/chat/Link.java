package io.handoff.chat;

import java.net.URI;
import java.util.Objects;

/** A button that opens a web page (Slack: a URL button; Teams: Action.OpenUrl), e.g. "Open interactive map". */
public record Link(String label, URI url) implements Block {
    public Link {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(url, "url");
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            throw new IllegalArgumentException("a link must be http or https: " + url);
        }
    }
}
