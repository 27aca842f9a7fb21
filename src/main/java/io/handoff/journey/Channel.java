package io.handoff.journey;

import java.util.Optional;

/** How the customer meets a touchpoint. */
public enum Channel {
    IN_PERSON, PHONE, APP, EMAIL, LETTER, OTHER;

    /** {@code in-person}, {@code phone}, … */
    public String code() {
        return Codes.code(this);
    }

    public static Optional<Channel> parse(String text) {
        return Codes.parse(Channel.class, text);
    }

    public static String choices() {
        return Codes.choices(Channel.class);
    }
}
