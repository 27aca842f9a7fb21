package io.handoff.chat;

import java.util.Objects;

/** A button that sends {@code action} back to the core when pressed. */
public record Button(String label, Action action, Style style) {
    public enum Style { DEFAULT, PRIMARY, DANGER }

    public Button {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(action, "action");
        style = style == null ? Style.DEFAULT : style;
    }

    public static Button of(String label, Action action) {
        return new Button(label, action, Style.DEFAULT);
    }

    public static Button primary(String label, Action action) {
        return new Button(label, action, Style.PRIMARY);
    }

    public static Button danger(String label, Action action) {
        return new Button(label, action, Style.DANGER);
    }
}
