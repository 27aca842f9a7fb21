package io.handoff.chat;

import java.util.Objects;

/**
 * What a button means: an action id the core dispatches on and a value (at most {@link #MAX_VALUE} characters, as
 * both Slack and Teams carry it back verbatim). Never trust the value: check it against the graph when it arrives.
 */
public record Action(String id, String value) {
    public static final int MAX_VALUE = 1000;

    public Action {
        Objects.requireNonNull(id, "id");
        value = value == null ? "" : value;
        if (value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("action value longer than " + MAX_VALUE);
        }
    }
}
