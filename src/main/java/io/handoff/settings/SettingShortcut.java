package io.handoff.settings;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A chat name that sets several settings at once, so a rule between them never stands in the way of a change in two
 * steps: {@code settings working-hours 08:00-16:00} sets workday-start and workday-end. Chat shows the shortcut's line
 * in place of its parts.
 *
 * @param apply  the settings with the typed text applied; throws a {@link RuntimeException} when the text is wrong
 * @param shown  the line chat shows for the current values
 */
public record SettingShortcut(String name, String description, String example, List<Setting<?>> parts,
                              BiFunction<TenantSettings, String, TenantSettings> apply,
                              Function<TenantSettings, String> shown) {

    public SettingShortcut {
        parts = List.copyOf(parts);
    }
}
