package io.handoff.chat;

import java.util.List;
import java.util.Objects;

/**
 * A row of buttons. A scale ({@code scaleLabel} not null: one answer out of several, all with the same action id,
 * like a score from 1 to 5) may be shown as one compact choice named {@code scaleLabel} with a send button where a
 * row of buttons would not fit (Teams on a phone).
 */
public record Buttons(List<Button> buttons, String scaleLabel) implements Block {
    public Buttons {
        buttons = List.copyOf(buttons);
        if (buttons.isEmpty()) {
            throw new IllegalArgumentException("a button row needs at least one button");
        }
        if (scaleLabel != null && buttons.stream().map(b -> b.action().id()).distinct().count() != 1) {
            throw new IllegalArgumentException("the buttons of a scale share one action id");
        }
    }

    public Buttons(List<Button> buttons) {
        this(buttons, null);
    }

    public static Buttons of(Button... buttons) {
        return new Buttons(List.of(buttons));
    }

    /** One answer on a scale, named {@code label} ("Your score, 1 to 5"). */
    public static Buttons scale(String label, List<Button> buttons) {
        return new Buttons(buttons, Objects.requireNonNull(label, "label"));
    }

    public boolean isScale() {
        return scaleLabel != null;
    }
}
