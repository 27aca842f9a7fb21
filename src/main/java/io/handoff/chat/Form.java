package io.handoff.chat;

import java.util.List;
import java.util.Objects;

/**
 * A form shown in a modal (Slack) or a card (Teams). {@code state} is opaque text the core gets back with the
 * submission (at most {@link #MAX_STATE} characters); never trust it, check it against the graph.
 */
public record Form(String id, String title, String submitLabel, String state, List<Field> fields) {
    public static final int MAX_STATE = 3000;

    public Form {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(submitLabel, "submitLabel");
        state = state == null ? "" : state;
        if (state.length() > MAX_STATE) {
            throw new IllegalArgumentException("form state longer than " + MAX_STATE);
        }
        fields = List.copyOf(fields);
    }
}
