package io.handoff.scheduler;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored job as an admin or a test sees it: its state, how often it ran and failed, and the last error or note.
 * {@code finishedOrFailedAt} is when it finished (done) or last failed (dead, or due after a failure).
 */
public record JobInfo(Job job, JobState state, int runs, String lastError, String note, Instant createdAt,
                      Optional<Instant> finishedOrFailedAt) {
}
