package io.handoff.graph;

/**
 * {@link String#hashCode} of a region of a text, computed without making it a String: the characters are copied into
 * a scratch array in bulk (one intrinsic, where {@code charAt} would check the index and the coder of each one) and
 * taken four at a time (31^4 h + 31^3 c0 + 31^2 c1 + 31 c2 + c3 is the same sum with a quarter of the chain). Used by
 * the decoders' tables of ids ({@link RegionMap}, {@link MetPeople}); one per table, not thread-safe.
 */
final class RegionHash {
    private char[] scratch = new char[32];

    int of(String text, int from, int to) {
        int length = to - from;
        char[] chars = scratch;
        if (length > chars.length) {
            chars = scratch = new char[Math.max(length, chars.length * 2)];
        }
        text.getChars(from, to, chars, 0);
        int hash = 0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            hash = 923_521 * hash + 29_791 * chars[i] + 961 * chars[i + 1] + 31 * chars[i + 2] + chars[i + 3];
        }
        for (; i < length; i++) {
            hash = 31 * hash + chars[i];
        }
        return hash;
    }
}
