package io.handoff.graph;

/** Where a handoff stands: named by one side, confirmed by both, or disputed by the side that was named. */
public enum EdgeStatus {
    CLAIMED('C'), CONFIRMED('F'), DISPUTED('X');

    private final char code;

    EdgeStatus(char code) {
        this.code = code;
    }

    char code() {
        return code;
    }

    private static final EdgeStatus[] ALL = values();

    static EdgeStatus fromCode(char code) {
        for (EdgeStatus s : ALL) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status code " + code);
    }
}
