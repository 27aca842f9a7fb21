package io.handoff.chat;

import java.util.List;
import java.util.Objects;

/** What the core decided: the immediate reply to the actor, and messages to other people sent afterwards. */
public record Outcome(Reply reply, List<Notification> notifications, boolean homeChanged) {
    public Outcome {
        Objects.requireNonNull(reply, "reply");
        notifications = List.copyOf(notifications);
    }

    public static Outcome reply(Reply reply) {
        return new Outcome(reply, List.of(), false);
    }

    public static Outcome show(Message message) {
        return reply(new Reply.Show(message));
    }
}
