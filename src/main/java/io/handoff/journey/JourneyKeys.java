package io.handoff.journey;

import io.handoff.graph.TenantKeys;
import io.handoff.graph.TenantId;

/** The only place the journey key names are spelled (under the tenant's hash tag, see {@link TenantKeys}). */
final class JourneyKeys {
    private JourneyKeys() {
    }

    /** Set of the tenant's journey ids. */
    static String journeys(TenantId tenant) {
        return TenantKeys.key(tenant, "journeys");
    }

    /** String: the journey's definition as JSON. */
    static String journey(TenantId tenant, JourneyId id) {
        return TenantKeys.key(tenant, "journey:" + id.value());
    }

    /** Hash: {@code touchpoint|period|metric} → {@code value␟sample size␟better}. */
    static String signals(TenantId tenant, JourneyId id) {
        return TenantKeys.key(tenant, "journey-signals:" + id.value());
    }

    /** Hash: a customer's words a front-line owner passes upstream ({@link VoiceStore}). */
    static String voice(TenantId tenant, String id) {
        return TenantKeys.key(tenant, "voice:" + id);
    }

    /** Set: the ids of the voices a person passed on (drafts too), for my-data and forget-me. */
    static String voicesOf(TenantId tenant, io.handoff.graph.PersonId person) {
        return TenantKeys.key(tenant, "voices-of:" + person.value());
    }

    /** Hash: {@code journey|touchpoint|person|period} → a leader's accepted walk ({@link WalkStore}). */
    static String walks(TenantId tenant) {
        return TenantKeys.key(tenant, "walks");
    }

    /** Hash: period → {@code journey|touchpoint} a leader was invited to walk in it. */
    static String walkInvited(TenantId tenant, io.handoff.graph.PersonId person) {
        return TenantKeys.key(tenant, "walk-invited:" + person.value());
    }
}
