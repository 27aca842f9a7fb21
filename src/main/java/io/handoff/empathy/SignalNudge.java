package io.handoff.empathy;

import java.util.Objects;

import io.handoff.chat.Notification;

/** A targeted nudge a signal produced. */
public record SignalNudge(Signal signal, Notification notification) {
    public SignalNudge {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(notification, "notification");
    }
}
