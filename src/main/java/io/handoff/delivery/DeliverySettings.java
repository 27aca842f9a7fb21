package io.handoff.delivery;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.handoff.settings.Setting;
import io.handoff.settings.SettingGroup;
import io.handoff.settings.SettingRule;
import io.handoff.settings.SettingShortcut;
import io.handoff.settings.SettingType;
import io.handoff.settings.TenantSettings;

/**
 * The tenant settings delivery owns (working days and hours, the weekly cap), the rule between the hours and the chat
 * shortcut {@code working-hours} that sets both ends at once; registered by {@link #SETTINGS}.
 */
public final class DeliverySettings {
    public static final int MAX_WEEKLY_CAP = 50;

    public static final Setting<Set<DayOfWeek>> WORKING_DAYS = Setting.days("working-days",
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            "days Handoff may message people (in each person's own time zone)", "mon-fri");
    public static final Setting<LocalTime> WORKDAY_START = Setting.timeOfDay("workday-start", LocalTime.of(9, 0),
            "first time of day Handoff may message people (their local time)");
    public static final Setting<LocalTime> WORKDAY_END = Setting.timeOfDay("workday-end", LocalTime.of(17, 0),
            "time of day after which Handoff waits for the next working day; 00:00 means midnight");
    public static final Setting<Integer> WEEKLY_CAP = Setting.integer("weekly-cap", 3,
                    "most Handoff-initiated messages (nudges) a person gets in any 7 days; 0 turns them off")
            .must(n -> n >= 0 && n <= MAX_WEEKLY_CAP, "must be between 0 (no nudges) and " + MAX_WEEKLY_CAP)
            .shownAs(n -> n + " nudges per person in any 7 days" + (n == 0 ? " (nudges off)" : ""));

    private static final Pattern HOURS = Pattern.compile("(\\d{1,2}:\\d{2})\\s*(?:-|–|to)\\s*(\\d{1,2}:\\d{2})");

    public static final SettingGroup SETTINGS = SettingGroup.of("delivery", WORKING_DAYS, WORKDAY_START, WORKDAY_END,
                    WEEKLY_CAP)
            .withRules(SettingRule.of(DeliverySettings::startBeforeEnd, WORKDAY_START, WORKDAY_END))
            .withShortcuts(new SettingShortcut("working-hours", "sets workday-start and workday-end at once",
                    "09:00-17:00", java.util.List.of(WORKDAY_START, WORKDAY_END), DeliverySettings::hours,
                    s -> s.get(WORKDAY_START) + "–" + (endsAtMidnight(s) ? "24:00" : s.get(WORKDAY_END))
                            + " (each person's local time)"));

    private DeliverySettings() {
    }

    /** Whether the working day runs to midnight. */
    public static boolean endsAtMidnight(TenantSettings settings) {
        return settings.get(WORKDAY_END).equals(LocalTime.MIDNIGHT);
    }

    private static Optional<String> startBeforeEnd(TenantSettings s) {
        LocalTime start = s.get(WORKDAY_START);
        LocalTime end = s.get(WORKDAY_END);
        return endsAtMidnight(s) || start.isBefore(end) ? Optional.empty()
                : Optional.of("workdayStart (" + start + ") must be before workdayEnd (" + end
                + "); use 00:00 as workdayEnd for midnight");
    }

    private static TenantSettings hours(TenantSettings settings, String text) {
        Matcher matcher = HOURS.matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not hours");
        }
        return settings.with(WORKDAY_START, SettingType.TIME_OF_DAY.fromChat().apply(matcher.group(1)))
                .with(WORKDAY_END, SettingType.TIME_OF_DAY.fromChat().apply(matcher.group(2)));
    }
}
