package io.handoff.empathy;

import io.handoff.graph.Refusal;

/** How the upstream person answers a story. */
enum Reaction {
    DIDNT_KNOW("didnt-know", "I didn't know this"),
    LETS_TALK("talk", "Let's talk"),
    SHADOW("shadow", "I'd like to shadow a shift");

    private final String code;
    private final String label;

    Reaction(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Reaction fromCode(String code) {
        for (Reaction reaction : values()) {
            if (reaction.code.equals(code)) {
                return reaction;
            }
        }
        throw new Refusal("unknown reaction " + code);
    }
}
