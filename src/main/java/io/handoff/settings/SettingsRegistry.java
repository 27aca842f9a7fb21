package io.handoff.settings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.handoff.graph.Refusal;

/**
 * Every tenant setting, collected from the {@link SettingGroup}s the modules declare (groups ordered by owner, settings
 * in declaration order). Two settings or shortcuts with one name, or a rule or shortcut over an unregistered setting,
 * stop the start. The registry validates, changes settings from chat text, reads and writes the API's JSON and renders
 * the README's table; nothing else spells a setting's name.
 */
public final class SettingsRegistry {
    private final List<SettingGroup> groups;
    private final Map<String, Setting<?>> settings = new LinkedHashMap<>();
    private final Map<String, Setting<?>> byJsonName = new LinkedHashMap<>();
    private final Map<String, SettingShortcut> shortcuts = new LinkedHashMap<>();
    private final List<SettingRule> rules = new ArrayList<>();

    public SettingsRegistry(List<SettingGroup> groups) {
        this.groups = groups.stream().sorted(Comparator.comparing(SettingGroup::owner)).toList();
        for (SettingGroup group : this.groups) {
            for (Setting<?> setting : group.settings()) {
                unique(setting.name(), group);
                settings.put(setting.name(), setting);
                byJsonName.put(setting.jsonName(), setting);
            }
        }
        for (SettingGroup group : this.groups) {
            for (SettingShortcut shortcut : group.shortcuts()) {
                unique(shortcut.name(), group);
                registered(shortcut.parts(), "shortcut " + shortcut.name());
                shortcuts.put(shortcut.name(), shortcut);
            }
            for (SettingRule rule : group.rules()) {
                registered(rule.settings(), "a rule of " + group.owner());
                rules.add(rule);
            }
        }
    }

    public static SettingsRegistry of(SettingGroup... groups) {
        return new SettingsRegistry(List.of(groups));
    }

    private void unique(String name, SettingGroup group) {
        if (settings.containsKey(name) || shortcuts.containsKey(name)) {
            throw new IllegalStateException("two settings are called '" + name + "' (one declared by "
                    + group.owner() + ")");
        }
    }

    private void registered(List<Setting<?>> used, String by) {
        for (Setting<?> setting : used) {
            if (settings.get(setting.name()) != setting) {
                throw new IllegalStateException(by + " uses the unregistered setting " + setting.name());
            }
        }
    }

    public List<SettingGroup> groups() {
        return groups;
    }

    public List<Setting<?>> settings() {
        return List.copyOf(settings.values());
    }

    public List<SettingShortcut> shortcuts() {
        return List.copyOf(shortcuts.values());
    }

    /** Every name chat accepts: the settings and the shortcuts. */
    public List<String> names() {
        List<String> names = new ArrayList<>(settings.keySet());
        names.addAll(shortcuts.keySet());
        return names;
    }

    public Optional<Setting<?>> setting(String name) {
        return Optional.ofNullable(settings.get(name));
    }

    /** Everything wrong with {@code values}, each setting's own bounds first, then the rules between settings. */
    public List<String> problems(TenantSettings values) {
        List<String> problems = new ArrayList<>();
        for (Setting<?> setting : settings.values()) {
            problem(setting, values).ifPresent(problems::add);
        }
        for (SettingRule rule : rules) {
            rule.check().apply(values).ifPresent(problems::add);
        }
        return problems;
    }

    private static <T> Optional<String> problem(Setting<T> setting, TenantSettings values) {
        return setting.problem(values.get(setting));
    }

    /** {@code values}, or an {@link InvalidSettingsException} naming every problem. */
    public TenantSettings validated(TenantSettings values) {
        List<String> problems = problems(values);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return values;
    }

    /**
     * {@code current} with the setting or shortcut {@code name} set to what {@code text} says (chat's
     * {@code settings <name> <value>}); not yet validated. Refuses an unknown name (listing the names) or a value it
     * cannot read (with an example).
     */
    public TenantSettings change(TenantSettings current, String name, String text) {
        String key = name.toLowerCase(Locale.ROOT);
        String value = text.strip();
        Setting<?> setting = settings.get(key);
        SettingShortcut shortcut = shortcuts.get(key);
        if (setting == null && shortcut == null) {
            throw new Refusal("I know no setting called '" + name + "'. The settings are: "
                    + String.join(", ", names()) + ".");
        }
        try {
            return setting != null ? changed(current, setting, value) : shortcut.apply().apply(current, value);
        } catch (RuntimeException wrong) {
            throw new Refusal("'" + value + "' is not a value for " + key + ". Try for example: settings " + key + " "
                    + (setting != null ? setting.example() : shortcut.example()));
        }
    }

    private static <T> TenantSettings changed(TenantSettings current, Setting<T> setting, String text) {
        return current.with(setting, setting.type().fromChat().apply(text));
    }

    /** The API's JSON object: every setting by its JSON name, as plain Java values. */
    public Map<String, Object> toJson(TenantSettings values) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Setting<?> setting : settings.values()) {
            json.put(setting.jsonName(), jsonValue(setting, values));
        }
        return json;
    }

    private static <T> Object jsonValue(Setting<T> setting, TenantSettings values) {
        T value = values.get(setting);
        return value == null ? null : setting.type().toJson().apply(value);
    }

    /**
     * Settings from the API's JSON object (plain Java values); a field left out or null takes its default. Refuses an
     * unknown field; values of the wrong form are an {@link InvalidSettingsException} naming each field. Not yet
     * validated.
     */
    public TenantSettings fromJson(Map<String, ?> json) {
        for (String field : json.keySet()) {
            if (!byJsonName.containsKey(field)) {
                throw new Refusal("unknown setting '" + field + "'; the settings are " + byJsonName.keySet());
            }
        }
        TenantSettings values = TenantSettings.defaults();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, ?> field : json.entrySet()) {
            Setting<?> setting = byJsonName.get(field.getKey());
            try {
                values = fromJson(values, setting, field.getValue());
            } catch (RuntimeException wrong) {
                problems.add(setting.jsonName() + " has the wrong form: use " + setting.type().hint());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return values;
    }

    private static <T> TenantSettings fromJson(TenantSettings values, Setting<T> setting, Object json) {
        return json == null ? values : values.with(setting, setting.type().fromJson().apply(json));
    }

    /** The JSON names, for messages about the API. */
    public List<String> jsonNames() {
        return List.copyOf(byJsonName.keySet());
    }

    /** The README's settings table (Markdown), one row per setting. */
    public String readmeTable() {
        StringBuilder table = new StringBuilder("| Setting (chat, Redis) | API field | Type | Default | Allowed | Owner "
                + "| What it does |\n|---|---|---|---|---|---|---|\n");
        for (SettingGroup group : groups) {
            for (Setting<?> setting : group.settings()) {
                table.append("| `").append(setting.name()).append("` | `").append(setting.jsonName()).append("` | ")
                        .append(setting.type().name()).append(" | ").append(defaultText(setting)).append(" | ")
                        .append(setting.requirement().isEmpty() ? "any" : cell(setting.requirement())).append(" | ")
                        .append(group.owner()).append(" | ").append(cell(setting.description())).append(" |\n");
            }
        }
        for (SettingShortcut shortcut : shortcuts.values()) {
            table.append("\nIn chat, `").append(shortcut.name()).append("` (e.g. `settings ").append(shortcut.name())
                    .append(' ').append(shortcut.example()).append("`) ").append(shortcut.description()).append('.');
        }
        return table.append('\n').toString();
    }

    private static <T> String defaultText(Setting<T> setting) {
        T value = setting.defaultValue();
        return value == null ? "none" : "`" + setting.type().toStored().apply(value) + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
