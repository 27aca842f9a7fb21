package io.handoff.delivery;

import java.time.Instant;

import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;

/**
 * Whether a person paused Handoff at a moment (their own choice, kept by the survey's preferences): the delivery rules
 * drop every message to them meanwhile. The module that keeps the pause implements it; delivery never reads its keys.
 */
@FunctionalInterface
public interface PauseCheck {

    boolean pausedAt(TenantId tenant, PersonId person, Instant now);
}
