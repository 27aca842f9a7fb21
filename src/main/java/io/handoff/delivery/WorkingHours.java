package io.handoff.delivery;

import io.handoff.settings.TenantSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A tenant's working days and hours applied in one person's time zone. */
public record WorkingHours(TenantSettings settings, ZoneId zone) {

    /** {@code at} itself when it falls within working hours, else the start of the next working period. */
    public Instant nextWorkingMoment(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate date = local.toLocalDate();
        for (int day = 0; day <= 8; day++) {
            LocalDate candidate = date.plusDays(day);
            if (!settings.get(DeliverySettings.WORKING_DAYS).contains(candidate.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime start = candidate.atTime(settings.get(DeliverySettings.WORKDAY_START)).atZone(zone);
            ZonedDateTime end = DeliverySettings.endsAtMidnight(settings) ? candidate.plusDays(1).atStartOfDay(zone)
                    : candidate.atTime(settings.get(DeliverySettings.WORKDAY_END)).atZone(zone);
            if (local.isBefore(start)) {
                return start.toInstant();
            }
            if (local.isBefore(end)) {
                return at;
            }
        }
        throw new IllegalStateException("no working day in the settings");
    }

    public boolean isWorking(Instant at) {
        return nextWorkingMoment(at).equals(at);
    }
}
