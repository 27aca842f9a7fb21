package io.handoff.playground;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import io.handoff.demo.SampleOrganisation;
import io.handoff.nudge.TenantSettingsStore;
import io.handoff.nudge.WorkingHours;

/**
 * The playground's clock control: moves demo time forward by a step the page asks for, and starts a fresh demo in
 * working hours (the sample organisation works in Europe/London and Europe/Dublin), so a newcomer at night sees
 * messages arrive instead of "deferred for quiet hours" — the clock control shows those later.
 */
final class DemoTime {
    static final ZoneId DEMO_ZONE = ZoneId.of("Europe/London");

    private final DemoClock clock;
    private final TenantSettingsStore settings;

    DemoTime(DemoClock clock, TenantSettingsStore settings) {
        this.clock = clock;
        this.settings = settings;
    }

    record Now(Instant now, String local, long offsetSeconds, boolean workingHours) {
    }

    Now now() {
        Instant now = clock.instant();
        WorkingHours hours = new WorkingHours(settings.settings(SampleOrganisation.TENANT), DEMO_ZONE);
        return new Now(now, now.atZone(DEMO_ZONE).toLocalDateTime().withNano(0).toString().replace('T', ' '),
                clock.offset().toSeconds(), hours.isWorking(now));
    }

    /** {@code step} as an ISO-8601 duration ("PT1H", "P1D", "P7D"). */
    Now advance(String step) {
        Duration duration;
        try {
            duration = Duration.parse(step == null ? "" : step.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("advance takes an ISO-8601 duration such as PT1H, P1D or P7D");
        }
        clock.advance(duration);
        return now();
    }

    /** Moves demo time to the start of the next working period when it is outside working hours now. */
    Now intoWorkingHours() {
        WorkingHours hours = new WorkingHours(settings.settings(SampleOrganisation.TENANT), DEMO_ZONE);
        clock.advanceTo(hours.nextWorkingMoment(clock.instant()));
        return now();
    }
}
