package io.handoff.nudge;

import java.time.Instant;

import io.handoff.chat.Notification;
import io.handoff.graph.TenantId;

/**
 * Where Handoff's own prompts go (the outbox, as nudges that obey the per-person rules), keyed by the notification key.
 */
@FunctionalInterface
public interface Nudges {

    /** Queues the nudge to go out at {@code notBefore} or later; false when one with the same key was queued before. */
    boolean send(TenantId tenant, Notification notification, Instant notBefore);
}
