package io.handoff.chat;

import io.handoff.graph.TenantId;

/**
 * Gets a message to a person on whichever platform reaches them. Adapters hand every {@link Notification} of an
 * {@link Outcome} to it after they have acknowledged the platform. The idempotency key names the message (for example
 * {@code confirm:pat>dana:1764000000}): delivering the same key twice sends it once.
 */
public interface Delivery {

    void deliver(TenantId tenant, Notification notification, String idempotencyKey);
}
