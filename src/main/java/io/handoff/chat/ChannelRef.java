package io.handoff.chat;

import java.util.Objects;

import io.handoff.graph.Platform;

/**
 * A chat platform's channel, as the core passes it around without reading it: {@code id} is whatever the platform's
 * adapter needs to find the channel again (a Slack channel id; for a Teams channel its service URL, channel and team)
 * and is shown to a person only when they typed it themselves.
 */
public record ChannelRef(Platform platform, String id) {
    public ChannelRef {
        Objects.requireNonNull(platform, "platform");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a channel reference needs an id");
        }
    }
}
