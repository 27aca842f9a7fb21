package io.handoff.graph;

/** How much the downstream person's day depends on the handoff. CRITICAL: if it fails, it is game over for them. */
public enum Criticality {
    ROUTINE('R'), IMPORTANT('I'), CRITICAL('C');

    private final char code;

    Criticality(char code) {
        this.code = code;
    }

    char code() {
        return code;
    }

    private static final Criticality[] ALL = values();

    static Criticality fromCode(char code) {
        for (Criticality c : ALL) {
            if (c.code == code) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown criticality code " + code);
    }
}
