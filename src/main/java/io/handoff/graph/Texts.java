package io.handoff.graph;

/** Cleaning of text people typed before it is stored: no control characters but new lines, bounded, trimmed. */
public final class Texts {
    private Texts() {
    }

    /** {@code text} without control characters (new lines kept), stripped and cut to {@code max} characters. */
    public static String clean(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || !Character.isISOControl(cp)) {
                out.appendCodePoint(cp);
            }
        });
        String stripped = out.toString().strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max).strip();
    }
}
