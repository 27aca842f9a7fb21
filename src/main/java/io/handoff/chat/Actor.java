package io.handoff.chat;

import java.util.Objects;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;

/** The person who did something in chat, already resolved by the adapter to a person of a tenant. */
public record Actor(TenantId tenant, PersonId person) {
    public Actor {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(person, "person");
    }
}
