package io.handoff.journey;

import java.util.Optional;

/** Which way a metric is better: CSAT and on-time % {@link #HIGHER}, complaints {@link #LOWER}. */
public enum Better {
    HIGHER, LOWER;

    public String code() {
        return Codes.code(this);
    }

    public static Optional<Better> parse(String text) {
        return Codes.parse(Better.class, text);
    }
}
