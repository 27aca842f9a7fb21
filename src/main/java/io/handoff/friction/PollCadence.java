package io.handoff.friction;

import io.handoff.graph.Refusal;

/** How often a tenant asks its friction polls; each cadence cuts time into {@link Period}s. */
public enum PollCadence {
    WEEKLY, FORTNIGHTLY, MONTHLY;

    public static PollCadence parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refusal("poll cadence must be weekly, fortnightly or monthly (was '" + text
                    + "')");
        }
    }
}
