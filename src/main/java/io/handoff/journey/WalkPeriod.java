package io.handoff.journey;

import java.time.LocalDate;
import java.time.YearMonth;

import io.handoff.nudge.NudgeKey;

/**
 * The calendar period of the leaders' walk invitations, from the tenant's {@code journey-walk-every}: up to 10 days
 * an ISO week ({@code 2026-W48}), up to 45 days a month ({@code 2026-11}), up to 100 days a quarter
 * ({@code 2026-Q4}), longer a year ({@code 2026}).
 */
record WalkPeriod(String id, String words) {

    static WalkPeriod of(java.time.Period every, LocalDate day) {
        long days = JourneyConfiguration.approximate(every).toDays();
        if (days <= 10) {
            return new WalkPeriod(NudgeKey.isoWeek(day), "this week");
        }
        if (days <= 45) {
            return new WalkPeriod(YearMonth.from(day).toString(), "this month");
        }
        if (days <= 100) {
            return new WalkPeriod(day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1), "this quarter");
        }
        return new WalkPeriod(Integer.toString(day.getYear()), "this year");
    }

    /** Whether {@code id} is a period id of this shape (a button value is checked before it reaches a key). */
    static boolean valid(String id) {
        return id != null && id.matches("\\d{4}(-W\\d{2}|-\\d{2}|-Q[1-4])?");
    }
}
