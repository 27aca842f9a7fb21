package io.handoff.scheduler;

import java.util.Objects;

/** A job leased to one worker; only the holder of {@code token} may finish it. */
public record ClaimedJob(Job job, String token) {
    public ClaimedJob {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(token, "token");
    }
}
