package io.handoff.scheduler;

import java.util.Optional;

/**
 * Runs the jobs of one type. Handlers are Spring beans; the {@link SchedulerWorker} finds them by {@link #type()}.
 * A run may happen more than once in rare cases (a worker died after the work but before it acknowledged, or it stalled
 * so long that it could not renew its lease in time), so a handler's effects must be idempotent: derive outbox keys and ids from the job id.
 */
public interface JobHandler {

    /** The job type this handler runs, e.g. {@code "story.prompt"}; unique among handlers. */
    String type();

    JobResult handle(Job job);

    /** Failed runs after which the job goes to the dead letters. */
    default int maxFailures() {
        return 5;
    }

    /**
     * The W3C {@code traceparent} of the trace this job belongs to (e.g. stored in its payload when it was queued):
     * the worker runs the job in a child span of it; empty (the default) starts a new trace.
     */
    default Optional<String> traceParent(Job job) {
        return Optional.empty();
    }

    /** Called once when the job went to the dead letters (metrics, logs). */
    default void deadLettered(Job job, String error) {
    }
}
