package io.handoff.graph;

/** How often work is handed over along an edge. */
public enum Frequency {
    DAILY('D'), WEEKLY('W'), MONTHLY('M'), AD_HOC('A');

    private final char code;

    Frequency(char code) {
        this.code = code;
    }

    char code() {
        return code;
    }

    private static final Frequency[] ALL = values();

    static Frequency fromCode(char code) {
        for (Frequency f : ALL) {
            if (f.code == code) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown frequency code " + code);
    }
}
