package io.handoff.chat;

import io.handoff.graph.TenantId;

/**
 * Gets a message to a person on whichever platform reaches them. Adapters hand every {@link Notification} of an
 * {@link Outcome} to it after they have acknowledged the platform. The idempotency key names the message (for example
 * {@code confirm:pat>dana:1764000000}): delivering the same key twice sends it once.
 */
public interface Delivery {

    void deliver(TenantId tenant, Notification notification, String idempotencyKey);

    /**
     * The answer to the recipient's own action that came after the acknowledgement (work done in the background):
     * sent at once, whatever the hour, since they are waiting for it; the same key twice sends it once. A delivery
     * without that distinction sends it like {@link #deliver}.
     */
    default void reply(TenantId tenant, Notification notification, String idempotencyKey) {
        deliver(tenant, notification, idempotencyKey);
    }
}
