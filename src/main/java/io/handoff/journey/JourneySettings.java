package io.handoff.journey;

import io.handoff.settings.Setting;
import io.handoff.settings.SettingGroup;

/** The tenant settings the journeys own; registered by {@link #SETTINGS}. */
public final class JourneySettings {

    public static final Setting<Integer> SIGNAL_FALL = Setting.integer("journey-signal-fall", 5,
                    "how much worse (in % of the earlier mean) a touchpoint's customer signal must be over its latest "
                            + "3 periods than over the 3 before to count as fallen")
            .must(n -> n >= 1 && n <= 100, "must be a percentage from 1 to 100")
            .shownAs(n -> n + "% worse over 3 periods");

    public static final Setting<java.time.Period> WALK_EVERY = Setting.period("journey-walk-every",
            java.time.Period.ofMonths(1), "how often each team manager is invited to walk one customer moment their "
                    + "teams are behind (up to 10 days: weekly, up to 45 days: monthly, up to 100 days: quarterly, "
                    + "longer: yearly)", "1 month");

    public static final SettingGroup SETTINGS = SettingGroup.of("journey", SIGNAL_FALL, WALK_EVERY);

    private JourneySettings() {
    }
}
