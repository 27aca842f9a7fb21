package io.handoff.journey;

import java.util.Optional;

/** How much a touchpoint matters to the customer: {@link #GAME_OVER} means "if this fails, we lose the customer". */
public enum Weight {
    ROUTINE, IMPORTANT, GAME_OVER;

    /** {@code routine}, {@code important}, {@code game-over}. */
    public String code() {
        return Codes.code(this);
    }

    public static Optional<Weight> parse(String text) {
        return Codes.parse(Weight.class, text);
    }

    public static String choices() {
        return Codes.choices(Weight.class);
    }
}
