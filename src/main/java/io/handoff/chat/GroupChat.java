package io.handoff.chat;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.handoff.graph.Platform;

/** What {@link GroupChats#open} did. */
public sealed interface GroupChat {

    /**
     * The platform opened (or found) a conversation with both people and the bot and the opening is posted there;
     * {@code link} opens it when the platform has one. {@code again} is true when the key had already opened it.
     */
    record Opened(Platform platform, Optional<URI> link, boolean again) implements GroupChat {
        public Opened {
            Objects.requireNonNull(platform, "platform");
            link = link == null ? Optional.empty() : link;
        }
    }

    /**
     * The platform is opening the conversation in the background (the button is answered first); it appears in a
     * moment. Should that fail, the platform delivers the caller's fallback notes itself.
     */
    record Opening(Platform platform) implements GroupChat {
        public Opening {
            Objects.requireNonNull(platform, "platform");
        }
    }

    /**
     * The platform lets people, not bots, start the chat: each of the two gets one of {@code invitations}, a message
     * with a link that starts it. The caller delivers them (their keys make a repeat harmless).
     */
    record Invited(Platform platform, List<Notification> invitations) implements GroupChat {
        public Invited {
            Objects.requireNonNull(platform, "platform");
            invitations = List.copyOf(invitations);
        }
    }

    /** Not possible (different platforms, a missing identity, the platform refused): the caller falls back. */
    record NotPossible(String reason) implements GroupChat {
        public NotPossible {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
