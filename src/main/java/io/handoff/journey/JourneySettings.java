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

    public static final SettingGroup SETTINGS = SettingGroup.of("journey", SIGNAL_FALL);

    private JourneySettings() {
    }
}
