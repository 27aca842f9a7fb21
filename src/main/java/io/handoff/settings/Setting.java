package io.handoff.settings;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Period;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One tenant setting, declared by the module that owns it (in its {@link SettingGroup}) and read with
 * {@link TenantSettings#get(Setting)}. The store, the {@code settings} chat command, the HTTP API, validation and the
 * README's table all work from these declarations.
 *
 * @param name        kebab-case: the Redis hash field and the name in chat, e.g. {@code min-respondents}
 * @param type        the kind of value and its spellings
 * @param defaultValue what a tenant gets until it sets one (null only for optional values such as a channel)
 * @param valid       whether a value is allowed on its own (cross-field rules are {@link SettingRule}s)
 * @param requirement what {@code valid} demands, in words completing "{jsonName} …", e.g. "must be at least 2"
 * @param description what the setting does, for the chat command and the README
 * @param example     a value to type in chat, e.g. {@code 2 weeks}
 * @param shown       how chat shows a value (defaults to the type's words)
 */
public record Setting<T>(String name, SettingType<T> type, T defaultValue, Predicate<T> valid, String requirement,
                         String description, String example, Function<T, String> shown) {

    public Setting {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(valid, "valid");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(shown, "shown");
        if (name == null || !name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a setting's name is kebab-case: " + name);
        }
        if (defaultValue != null && !valid.test(defaultValue)) {
            throw new IllegalArgumentException("the default of " + name + " is not valid: " + defaultValue);
        }
    }

    /** A setting of any type without bounds; bound it with {@link #must}. */
    public static <T> Setting<T> of(String name, SettingType<T> type, T defaultValue, String description,
                                    String example) {
        return new Setting<>(name, type, defaultValue, value -> true, "", description, example, type.describe());
    }

    /** A positive period (P7D, 2 weeks, 6 months). */
    public static Setting<Period> period(String name, Period defaultValue, String description, String example) {
        return of(name, SettingType.PERIOD, defaultValue, description, example)
                .must(p -> !p.isNegative() && !p.isZero(), "must be a positive period such as P7D, P2W or P6M");
    }

    public static Setting<Integer> integer(String name, int defaultValue, String description) {
        return of(name, SettingType.INTEGER, defaultValue, description, Integer.toString(defaultValue));
    }

    public static Setting<Boolean> onOff(String name, boolean defaultValue, String description) {
        return of(name, SettingType.BOOLEAN, defaultValue, description, defaultValue ? "off" : "on");
    }

    public static Setting<LocalTime> timeOfDay(String name, LocalTime defaultValue, String description) {
        return of(name, SettingType.TIME_OF_DAY, defaultValue, description, defaultValue.toString());
    }

    /** At least one day of the week. */
    public static Setting<Set<DayOfWeek>> days(String name, Set<DayOfWeek> defaultValue, String description,
                                               String example) {
        return of(name, SettingType.DAYS_OF_WEEK, Set.copyOf(EnumSet.copyOf(defaultValue)), description, example)
                .must(days -> !days.isEmpty(), "must name at least one day (MONDAY … SUNDAY)");
    }

    /** A channel id without spaces, or none. */
    public static Setting<String> channel(String name, String description, int maxLength) {
        return of(name, SettingType.CHANNEL_ID, null, description, "C0123456 (or 'none')")
                .must(id -> id == null || id.length() <= maxLength
                                && id.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)),
                        "must be a channel id of at most " + maxLength + " characters without spaces");
    }

    /** This setting, also demanding {@code rule}; {@code requirement} completes "{jsonName} …". */
    public Setting<T> must(Predicate<T> rule, String requirement) {
        return new Setting<>(name, type, defaultValue, valid.and(rule),
                this.requirement.isEmpty() ? requirement : this.requirement + "; " + requirement,
                description, example, shown);
    }

    public Setting<T> withExample(String example) {
        return new Setting<>(name, type, defaultValue, valid, requirement, description, example, shown);
    }

    /** This setting, shown in chat as {@code shown} gives it. */
    public Setting<T> shownAs(Function<T, String> shown) {
        return new Setting<>(name, type, defaultValue, valid, requirement, description, example, shown);
    }

    /** The name of this setting in the HTTP API's JSON: camelCase of the kebab name ({@code minRespondents}). */
    public String jsonName() {
        StringBuilder json = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                json.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return json.toString();
    }

    /** What is wrong with {@code value} on its own, in words an admin can act on; empty when it is allowed. */
    public Optional<String> problem(T value) {
        if (value == null ? defaultValue == null : valid.test(value)) {
            return Optional.empty();
        }
        return Optional.of(jsonName() + " " + (requirement.isEmpty() ? "is not allowed" : requirement));
    }

    /** The value as chat shows it. */
    public String show(T value) {
        return shown.apply(value);
    }

    /** {@code value} as this setting's type, or a {@link ClassCastException}. */
    @SuppressWarnings("unchecked")
    T cast(Object value) {
        if (value != null && defaultValue != null && !(defaultValue instanceof Set<?>)
                && !defaultValue.getClass().isInstance(value)) {
            throw new ClassCastException(value.getClass() + " is not a value of " + name);
        }
        return (T) value;
    }

    @Override
    public String toString() {
        return name.toLowerCase(Locale.ROOT);
    }
}
