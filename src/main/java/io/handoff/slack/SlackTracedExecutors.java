package io.handoff.slack;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import com.slack.api.util.thread.ExecutorServiceProvider;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextScheduledExecutorService;
import io.micrometer.context.ContextSnapshotFactory;

/**
 * Bolt's executors (the work after each acknowledgement) and the adapter's own, wrapped so that a task runs with the
 * context of the thread that handed it over (Micrometer context propagation): the request's trace, and so its trace
 * id in the task's log lines and in the outbox messages it queues.
 */
final class SlackTracedExecutors implements ExecutorServiceProvider {
    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final ExecutorServiceProvider bolts;

    SlackTracedExecutors(ExecutorServiceProvider bolts) {
        this.bolts = bolts;
    }

    /** {@code executor}, its tasks run in the context they were submitted from. */
    static ExecutorService carryingContext(ExecutorService executor) {
        return ContextExecutorService.wrap(executor, SNAPSHOTS);
    }

    @Override
    public ExecutorService createThreadPoolExecutor(String threadGroupName, int poolSize) {
        return carryingContext(bolts.createThreadPoolExecutor(threadGroupName, poolSize));
    }

    @Override
    public ScheduledExecutorService createThreadScheduledExecutor(String threadGroupName) {
        return ContextScheduledExecutorService.wrap(bolts.createThreadScheduledExecutor(threadGroupName), SNAPSHOTS);
    }

    @Override
    public String getInstanceId() {
        return bolts.getInstanceId();
    }
}
