package io.handoff.scheduler;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;

import io.handoff.graph.TenantId;

/**
 * A tenant job that runs once a day at a fixed UTC time: its job ids are {@code <name>:<date>}, so scheduling the
 * same day twice changes nothing, and each run schedules the next day's.
 */
public final class DailySchedule {
    private final Scheduler scheduler;
    private final String name;
    private final String type;
    private final LocalTime atUtc;

    public DailySchedule(Scheduler scheduler, String name, String type, LocalTime atUtc) {
        this.scheduler = Objects.requireNonNull(scheduler);
        this.name = Objects.requireNonNull(name);
        this.type = Objects.requireNonNull(type);
        this.atUtc = Objects.requireNonNull(atUtc);
    }

    /** Today's run if its time is still ahead, else tomorrow's. Idempotent. */
    public void scheduleNext(TenantId tenant) {
        Instant now = scheduler.clock().instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        scheduleFor(tenant, now.isBefore(at(today)) ? today : today.plusDays(1));
    }

    /** Tomorrow's run: what a run schedules when it is done. */
    public void scheduleTomorrow(TenantId tenant) {
        scheduleFor(tenant, LocalDate.ofInstant(scheduler.clock().instant(), ZoneOffset.UTC).plusDays(1));
    }

    /** The run of {@code day} (scheduled once; a second call changes nothing). */
    public void scheduleFor(TenantId tenant, LocalDate day) {
        scheduler.scheduleIfAbsent(Job.of(tenant, name + ":" + day, type, "", at(day)));
    }

    public Instant at(LocalDate day) {
        return day.atTime(atUtc).toInstant(ZoneOffset.UTC);
    }
}
