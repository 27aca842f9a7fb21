package io.handoff.journey;

import io.handoff.graph.Refusal;

/** Checks of the free texts of a journey: not blank, not too long, no control characters (stripped at the ends). */
final class Words {
    private Words() {
    }

    static String require(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new Refusal(field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new Refusal(field + " must be at most " + maxLength + " characters");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isISOControl(trimmed.charAt(i))) {
                throw new Refusal(field + " must not contain control characters or line breaks");
            }
        }
        return trimmed;
    }
}
