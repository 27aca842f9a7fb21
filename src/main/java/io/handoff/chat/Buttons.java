package io.handoff.chat;

import java.util.List;

/** A row of buttons. */
public record Buttons(List<Button> buttons) implements Block {
    public Buttons {
        buttons = List.copyOf(buttons);
        if (buttons.isEmpty()) {
            throw new IllegalArgumentException("a button row needs at least one button");
        }
    }

    public static Buttons of(Button... buttons) {
        return new Buttons(List.of(buttons));
    }
}
