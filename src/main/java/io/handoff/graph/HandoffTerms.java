package io.handoff.graph;

import java.util.Objects;

/** What one person says about a handoff: what is handed over, how often, how critical it is for the downstream. */
public record HandoffTerms(String what, Frequency frequency, Criticality criticality) {
    public static final int MAX_WHAT = 120;

    public HandoffTerms {
        what = Text.require("what is handed over", what, MAX_WHAT);
        Objects.requireNonNull(frequency, "frequency is required");
        Objects.requireNonNull(criticality, "criticality is required");
    }
}
