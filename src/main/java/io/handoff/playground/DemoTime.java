package io.handoff.playground;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.handoff.delivery.WorkingHours;
import io.handoff.settings.TenantSettingsStore;
import io.handoff.graph.Refusal;
import io.handoff.graph.TenantId;

/**
 * The playground's clock control: moves demo time forward by a step the page asks for, and starts a fresh demo in
 * working hours (the depot works in Europe/London, the ward in Europe/Dublin, an hour apart at most), so a newcomer at night sees
 * messages arrive instead of "deferred for quiet hours" — the clock control shows those later.
 */
final class DemoTime {
    static final ZoneId DEMO_ZONE = ZoneId.of("Europe/London");

    private final Clock clock;
    private final Optional<DemoClock> demoClock;
    private final TenantSettingsStore settings;

    /** {@code demoClock} is absent while real tenants may be served: then demo time is real time and stays so. */
    DemoTime(Clock clock, Optional<DemoClock> demoClock, TenantSettingsStore settings) {
        this.clock = clock;
        this.demoClock = demoClock;
        this.settings = settings;
    }

    /** {@code movable}: whether the clock control works (only when no real tenant is served). */
    record Now(Instant now, String local, long offsetSeconds, boolean workingHours, boolean movable) {
    }

    /** Demo time as {@code tenant}'s working hours see it (there is one demo clock for both stories). */
    Now now(TenantId tenant) {
        Instant now = clock.instant();
        WorkingHours hours = new WorkingHours(settings.settings(tenant), DEMO_ZONE);
        return new Now(now, now.atZone(DEMO_ZONE).toLocalDateTime().withNano(0).toString().replace('T', ' '),
                demoClock.map(demo -> demo.offset().toSeconds()).orElse(0L), hours.isWorking(now),
                demoClock.isPresent());
    }

    /** {@code step} as an ISO-8601 duration ("PT1H", "P1D", "P7D"). */
    Now advance(TenantId tenant, String step) {
        Duration duration;
        try {
            duration = Duration.parse(step == null ? "" : step.strip());
        } catch (DateTimeParseException e) {
            throw new Refusal("advance takes an ISO-8601 duration such as PT1H, P1D or P7D");
        }
        movable().advance(duration);
        return now(tenant);
    }

    /** Moves demo time to the start of {@code tenant}'s next working period when it is outside them now. */
    Now intoWorkingHours(TenantId tenant) {
        demoClock.ifPresent(demo -> {
            WorkingHours hours = new WorkingHours(settings.settings(tenant), DEMO_ZONE);
            demo.advanceTo(hours.nextWorkingMoment(demo.instant()));
        });
        return now(tenant);
    }

    private DemoClock movable() {
        return demoClock.orElseThrow(() -> new ClockLockedException());
    }

    /** Demo time cannot move while Slack or Teams credentials are set: real tenants share the scheduler. */
    static final class ClockLockedException extends IllegalStateException {
        ClockLockedException() {
            super("Demo time cannot move while Slack or Teams credentials are set: real workspaces share the scheduler.");
        }
    }
}
