package io.handoff.map;

import io.handoff.settings.Setting;
import io.handoff.settings.SettingGroup;

/** The tenant settings the maps own; registered by {@link #SETTINGS}. */
public final class MapSettings {

    public static final Setting<Boolean> MANAGER_REPORT_DIGEST = Setting.onOff("manager-report-digest", false,
                    "whether each team manager gets their manager report ('report') every Monday")
            .shownAs(on -> on ? "on (every Monday)" : "off");

    public static final SettingGroup SETTINGS = SettingGroup.of("map", MANAGER_REPORT_DIGEST);

    private MapSettings() {
    }
}
