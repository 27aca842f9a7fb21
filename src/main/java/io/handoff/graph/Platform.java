package io.handoff.graph;

/** A chat platform a person can be reached on. */
public enum Platform {
    SLACK("slack"), TEAMS("teams"),
    /** The local browser playground (demo tenant only). */
    PLAYGROUND("playground");

    private final String code;

    Platform(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
