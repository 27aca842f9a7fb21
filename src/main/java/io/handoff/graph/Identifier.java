package io.handoff.graph;

import java.util.regex.Pattern;

/**
 * Rules shared by every identifier that ends up inside a Redis key or a key's hash field.
 * Identifiers are restricted to a safe alphabet so they can never break the key schema
 * (no braces, colons, spaces, separators) and never grow a key without bound.
 */
public final class Identifier {
    public static final int MAX_LENGTH = 128;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]*");

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
        if (!SAFE.matcher(value).matches()) {
            throw new InvalidIdentifierException(kind + " id may contain only letters, digits and . _ @ + - (and must start with a letter or digit)");
        }
        return value;
    }

    public static boolean isValid(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH && SAFE.matcher(value).matches();
    }
}
