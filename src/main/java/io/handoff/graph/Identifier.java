package io.handoff.graph;


/**
 * Rules shared by every identifier that ends up inside a Redis key or a key's hash field.
 * Identifiers are restricted to a safe alphabet so they can never break the key schema
 * (no braces, colons, spaces, separators) and never grow a key without bound.
 */
public final class Identifier {
    public static final int MAX_LENGTH = 128;

    private Identifier() {
    }

    /** Returns the value if it is a valid identifier, or throws with a message naming the kind of id. */
    public static String require(String kind, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidIdentifierException(kind + " id is missing");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidIdentifierException(kind + " id is longer than " + MAX_LENGTH + " characters");
        }
        if (!safe(value)) {
            throw new InvalidIdentifierException(kind + " id may contain only letters, digits and . _ @ + - (and must start with a letter or digit)");
        }
        return value;
    }

    public static boolean isValid(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH && safe(value);
    }

    /**
     * The {@code [A-Za-z0-9][A-Za-z0-9._@+-]*} test without the regex engine: every id read back from Redis passes
     * through here, thousands per ego map, so it is a plain loop over the characters.
     */
    private static boolean safe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && (i == 0 || "._@+-".indexOf(c) < 0)) {
                return false;
            }
        }
        return !value.isEmpty();
    }
}
