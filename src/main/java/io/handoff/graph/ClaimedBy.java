package io.handoff.graph;

/** Which ends of a handoff have said it exists. */
public enum ClaimedBy {
    UPSTREAM('U'), DOWNSTREAM('D'), BOTH('B');

    private final char code;

    ClaimedBy(char code) {
        this.code = code;
    }

    public static ClaimedBy of(Side side) {
        return side == Side.UPSTREAM ? UPSTREAM : DOWNSTREAM;
    }

    public boolean includes(Side side) {
        return this == BOTH || this == of(side);
    }

    public ClaimedBy plus(Side side) {
        return includes(side) ? this : BOTH;
    }

    public boolean oneSided() {
        return this != BOTH;
    }

    char code() {
        return code;
    }

    private static final ClaimedBy[] ALL = values();

    static ClaimedBy fromCode(char code) {
        for (ClaimedBy c : ALL) {
            if (c.code == code) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown claimed-by code " + code);
    }
}
