package io.handoff.msteams;

import java.util.concurrent.ExecutorService;

import com.microsoft.bot.builder.BotCallbackHandler;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;

/**
 * Keeps an activity's context (Micrometer context propagation: its trace, so the trace id of its log lines and of the
 * outbox messages it queues) on the threads its work moves to: the Bot Framework SDK may run a turn on its own pool
 * (threads {@code Bot-N}, e.g. while it fetches signing keys), and the adapter hands notifications and channel posts
 * to pools of its own.
 */
final class MsTeamsContext {
    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private MsTeamsContext() {
    }

    /** {@code executor}, its tasks run in the context they were submitted from. */
    static ExecutorService carryingContext(ExecutorService executor) {
        return ContextExecutorService.wrap(executor, SNAPSHOTS);
    }

    /** {@code turn}, run in the context of the thread that calls this (the request's), whichever thread runs it. */
    static BotCallbackHandler inCallersContext(BotCallbackHandler turn) {
        ContextSnapshot snapshot = SNAPSHOTS.captureAll();
        return context -> {
            try (ContextSnapshot.Scope scope = snapshot.setThreadLocals()) {
                return turn.invoke(context);
            }
        };
    }
}
