package io.handoff.chat.port;

import io.handoff.chat.Message;
import io.handoff.graph.Person;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;

/** One chat platform's way to send a message to a person now; each adapter (slack, teams) provides one. */
public interface PlatformSender {

    Platform platform();

    /** Whether this platform can reach the person at all (they have an identity and, on Teams, a conversation). */
    boolean canReach(TenantId tenant, Person recipient);

    /**
     * Sends the message now.
     *
     * @throws SendFailure when the platform refused or could not be reached; it says whether and when to retry
     */
    void send(TenantId tenant, Person recipient, Message message);
}
