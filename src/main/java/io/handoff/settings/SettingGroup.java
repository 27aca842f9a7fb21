package io.handoff.settings;

import java.util.List;

/**
 * The settings one module owns, with the rules between them and any chat shortcuts. A module declares its settings
 * as constants of one class and exposes that class's group as a bean; the {@link SettingsRegistry} collects every
 * group.
 *
 * @param owner the owning module, e.g. {@code delivery} (the README's table names it)
 */
public record SettingGroup(String owner, List<Setting<?>> settings, List<SettingRule> rules,
                           List<SettingShortcut> shortcuts) {

    public SettingGroup {
        settings = List.copyOf(settings);
        rules = List.copyOf(rules);
        shortcuts = List.copyOf(shortcuts);
    }

    public static SettingGroup of(String owner, Setting<?>... settings) {
        return new SettingGroup(owner, List.of(settings), List.of(), List.of());
    }

    public SettingGroup withRules(SettingRule... rules) {
        return new SettingGroup(owner, settings, List.of(rules), shortcuts);
    }

    public SettingGroup withShortcuts(SettingShortcut... shortcuts) {
        return new SettingGroup(owner, settings, rules, List.of(shortcuts));
    }
}
