package io.handoff.graph;

/** A chat platform a person can be reached on. */
public enum Platform {
    SLACK("slack"), TEAMS("teams");

    private final String code;

    Platform(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
