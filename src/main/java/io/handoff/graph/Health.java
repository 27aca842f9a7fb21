package io.handoff.graph;

/** Health of a handoff in the Team Topologies vocabulary. */
public enum Health {
    OK('O'), SLOWING('S'), BLOCKING('B');

    private final char code;

    Health(char code) {
        this.code = code;
    }

    char code() {
        return code;
    }

    private static final Health[] ALL = values();

    static Health fromCode(char code) {
        for (Health h : ALL) {
            if (h.code == code) {
                return h;
            }
        }
        throw new IllegalArgumentException("unknown health code " + code);
    }
}
