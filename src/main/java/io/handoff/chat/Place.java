package io.handoff.chat;

import java.util.Objects;
import java.util.Optional;

import io.handoff.graph.Platform;

/**
 * Where a command was said: on which chat platform and, when it was said in a shared channel the platform can name
 * (a Teams channel), that channel. Adapters set it; features that do not care ignore it. {@link #UNKNOWN} is a command
 * whose origin nobody said (tools, tests): features that need the platform treat it as unavailable.
 */
public record Place(Optional<Platform> platform, Optional<ChannelRef> channel) {
    public static final Place UNKNOWN = new Place(Optional.empty(), Optional.empty());

    public Place {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(channel, "channel");
        if (channel.isPresent() && !channel.get().platform().equals(platform.orElse(null))) {
            throw new IllegalArgumentException("a channel of " + channel.get().platform() + " is not on " + platform);
        }
    }

    /** Said on this platform, not in a channel it names (a direct message, a slash command). */
    public static Place on(Platform platform) {
        return new Place(Optional.of(platform), Optional.empty());
    }

    /** Said in this channel. */
    public static Place in(ChannelRef channel) {
        return new Place(Optional.of(channel.platform()), Optional.of(channel));
    }
}
