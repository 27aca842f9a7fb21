package io.handoff.scheduler;

/**
 * A tenant's job queue at one moment: {@code due} jobs whose time has come and that no worker holds yet (the backlog),
 * {@code waiting} jobs in all (due now or later), {@code leased} jobs a worker holds, {@code dead} jobs given up.
 */
public record QueueCounts(long due, long waiting, long leased, long dead) {
    public static final QueueCounts EMPTY = new QueueCounts(0, 0, 0, 0);

    QueueCounts plus(QueueCounts other) {
        return new QueueCounts(due + other.due, waiting + other.waiting, leased + other.leased, dead + other.dead);
    }
}
