package io.handoff.scheduler;

/** Where a job is: waiting for its due time, leased to a worker, finished, or in the dead letters. */
public enum JobState {
    DUE, LEASED, DONE, DEAD;

    static JobState parse(String value) {
        return switch (value) {
            case "due" -> DUE;
            case "leased" -> LEASED;
            case "done" -> DONE;
            case "dead" -> DEAD;
            default -> throw new IllegalStateException("unknown job state " + value);
        };
    }
}
