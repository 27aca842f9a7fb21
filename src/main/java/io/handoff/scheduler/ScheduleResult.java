package io.handoff.scheduler;

/** What {@link Scheduler#schedule} did. */
public enum ScheduleResult {
    /** A new job is waiting. */
    CREATED,
    /** The waiting job with this id now has the new type, payload and due time. */
    UPDATED,
    /** A job with this id is already waiting and was left as it was ({@link Scheduler#scheduleIfAbsent}). */
    EXISTS,
    /** A job with this id is running right now; left unchanged. */
    RUNNING,
    /** A job with this id finished within the retention; not run again. */
    DONE,
    /** A job with this id is in the dead letters; replay it instead. */
    DEAD;

    /** Whether a job with this id will run (again) because of, or regardless of, this call. */
    public boolean pending() {
        return this == CREATED || this == UPDATED || this == EXISTS || this == RUNNING;
    }
}
