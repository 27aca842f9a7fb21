package io.handoff.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** What a {@link JobHandler} says about a run. Anything it throws counts as a transient {@link Failed}. */
public sealed interface JobResult {

    /** The job is finished; {@code note} (may be empty) is kept with it, e.g. "dropped: person gone". */
    record Done(String note) implements JobResult {
        public Done {
            note = note == null ? "" : note;
        }
    }

    /** Run the same job again at {@code at}; not a failure (quiet hours, weekly cap, a platform's Retry-After). */
    record RunAgainAt(Instant at, String reason) implements JobResult {
        public RunAgainAt {
            Objects.requireNonNull(at, "at");
            reason = reason == null ? "" : reason;
        }
    }

    /**
     * A platform's rate limit (HTTP 429 and its Retry-After): run again at {@code at}. Not a failure, but counted in
     * the job's {@link Job#rateLimited()} since {@link Job#rateLimitedSince()}, so the handler can give up
     * ({@link #failedPermanently}) on a platform that keeps refusing.
     */
    record RateLimited(Instant at, String reason) implements JobResult {
        public RateLimited {
            Objects.requireNonNull(at, "at");
            reason = reason == null ? "" : reason;
        }
    }

    /**
     * The run failed. A permanent failure goes to the dead letters at once; otherwise the job is retried after
     * {@code retryAfter} when given, else after an exponential backoff with jitter, until the handler's
     * {@link JobHandler#maxFailures()} is reached.
     */
    record Failed(String error, Duration retryAfter, boolean permanent) implements JobResult {
        public Failed {
            error = error == null ? "failed" : error;
        }
    }

    static JobResult done() {
        return new Done("");
    }

    static JobResult done(String note) {
        return new Done(note);
    }

    static JobResult runAgainAt(Instant at, String reason) {
        return new RunAgainAt(at, reason);
    }

    static JobResult rateLimited(Instant at, String reason) {
        return new RateLimited(at, reason);
    }

    static JobResult failed(String error) {
        return new Failed(error, null, false);
    }

    static JobResult failedPermanently(String error) {
        return new Failed(error, null, true);
    }
}
