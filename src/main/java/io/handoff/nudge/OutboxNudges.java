package io.handoff.nudge;

import java.time.Instant;
import java.util.Objects;

import io.handoff.chat.Notification;
import io.handoff.delivery.MessageKind;
import io.handoff.delivery.Outbox;
import io.handoff.graph.TenantId;

/**
 * {@link Nudges} through the outbox: each nudge is an outbox message of kind {@link MessageKind#NUDGE}, keyed by the
 * notification's key, so the per-person delivery rules (working hours, weekly cap, pause) apply and a repeat with the
 * same key is dropped.
 */
public final class OutboxNudges implements Nudges {
    private final Outbox outbox;

    public OutboxNudges(Outbox outbox) {
        this.outbox = Objects.requireNonNull(outbox);
    }

    @Override
    public boolean send(TenantId tenant, Notification notification, Instant notBefore) {
        return outbox.enqueue(tenant, notification, notification.key(), MessageKind.NUDGE, notBefore);
    }
}
