package io.handoff.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A tenant's setting values: {@link #get(Setting)} answers the tenant's value or the setting's default. Immutable;
 * {@link #with} gives a copy with one value changed. Two instances are equal when every setting either names reads
 * the same (an explicit default equals a missing value). Validation is the {@link SettingsRegistry}'s.
 */
public final class TenantSettings {
    private static final TenantSettings DEFAULTS = new TenantSettings(Map.of());

    private final Map<Setting<?>, Object> values;

    private TenantSettings(Map<Setting<?>, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Every setting at its default. */
    public static TenantSettings defaults() {
        return DEFAULTS;
    }

    /** The tenant's value of {@code setting}, else its default. */
    public <T> T get(Setting<T> setting) {
        return values.containsKey(setting) ? setting.cast(values.get(setting)) : setting.defaultValue();
    }

    /** A copy with {@code setting} set to {@code value} (null: back to the default for settings that have one). */
    public <T> TenantSettings with(Setting<T> setting, T value) {
        Map<Setting<?>, Object> changed = new LinkedHashMap<>(values);
        if (value == null && setting.defaultValue() != null) {
            changed.remove(setting);
        } else {
            changed.put(setting, setting.cast(value));
        }
        return new TenantSettings(changed);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof TenantSettings that)) {
            return false;
        }
        Set<Setting<?>> named = new LinkedHashSet<>(values.keySet());
        named.addAll(that.values.keySet());
        return named.stream().allMatch(s -> Objects.equals(get(s), that.get(s)));
    }

    @Override
    public int hashCode() {
        return values.keySet().stream().filter(s -> !Objects.equals(get(s), s.defaultValue()))
                .mapToInt(s -> s.name().hashCode() ^ Objects.hashCode(get(s))).sum();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("TenantSettings{");
        values.forEach((setting, value) -> text.append(setting.name()).append('=').append(value).append(", "));
        return text.append("rest default}").toString();
    }
}
