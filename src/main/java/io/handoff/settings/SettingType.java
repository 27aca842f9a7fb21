package io.handoff.settings;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The kind of a {@link Setting}'s value and its four spellings: the Redis hash field ({@code toStored}/{@code fromStored},
 * strict), what an admin types in chat ({@code fromChat}, lenient), the JSON value of the HTTP API ({@code toJson} and
 * {@code fromJson}, on plain Java values: String, Number, Boolean, List, null) and the words shown to people
 * ({@code describe}). A parse that fails throws a {@link RuntimeException}; callers turn it into a refusal.
 *
 * @param name   what the README's table calls the type
 * @param hint   what a valid JSON value looks like, for error messages
 */
public record SettingType<T>(String name, String hint, Function<String, T> fromStored, Function<T, String> toStored,
                             Function<String, T> fromChat, Function<T, Object> toJson, Function<Object, T> fromJson,
                             Function<T, String> describe) {

    /** A positive or negative calendar period, P7D / P2W / P6M; in chat also '2 weeks', '10 days', '6 months'. */
    public static final SettingType<Period> PERIOD = new SettingType<>("period", "a period such as P7D, P2W or P6M",
            Period::parse, Period::toString, SettingType::chatPeriod, Period::toString,
            json -> Period.parse(string(json)), SettingType::describePeriod);

    /** A whole number. */
    public static final SettingType<Integer> INTEGER = new SettingType<>("integer", "a whole number such as 3",
            Integer::valueOf, String::valueOf, text -> Integer.valueOf(text.strip()), value -> value,
            SettingType::jsonInteger, String::valueOf);

    /** true or false; in chat also on/off, yes/no. */
    public static final SettingType<Boolean> BOOLEAN = new SettingType<>("boolean", "true or false",
            SettingType::strictBoolean, String::valueOf, SettingType::onOff, value -> value,
            json -> json instanceof Boolean b ? b : strictBoolean(string(json)), on -> on ? "on" : "off");

    /** A time of day, 09:00. */
    public static final SettingType<LocalTime> TIME_OF_DAY = new SettingType<>("time of day", "a time like 09:00",
            LocalTime::parse, LocalTime::toString, SettingType::time,
            time -> DateTimeFormatter.ISO_LOCAL_TIME.format(time), json -> LocalTime.parse(string(json)),
            LocalTime::toString);

    /** Days of the week: MONDAY,FRIDAY stored; ["MONDAY", "FRIDAY"] in JSON; 'mon-fri' or 'mon,wed' in chat. */
    public static final SettingType<Set<DayOfWeek>> DAYS_OF_WEEK = new SettingType<>("days of the week",
            "days like MONDAY, TUESDAY", SettingType::storedDays,
            days -> days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(",")), SettingType::chatDays,
            days -> days.stream().sorted().map(DayOfWeek::name).toList(), SettingType::jsonDays,
            SettingType::describeDays);

    /** A platform channel id, or none (null; '' stored, 'none' in chat). */
    public static final SettingType<String> CHANNEL_ID = new SettingType<>("channel id or none",
            "a channel id such as C0123456, or null", SettingType::channel, value -> value == null ? "" : value,
            text -> text.strip().equalsIgnoreCase("none") ? null : channel(text), value -> value,
            json -> json == null ? null : channel(string(json)), value -> value == null ? "none" : value);

    private static final Pattern PERIOD_WORDS = Pattern.compile("(\\d{1,4})\\s*(day|days|week|weeks|month|months)");

    private static String string(Object json) {
        if (json instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("not a string");
    }

    private static Period chatPeriod(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("p")) {
            return Period.parse(lower.toUpperCase(Locale.ROOT));
        }
        Matcher matcher = PERIOD_WORDS.matcher(lower);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a period");
        }
        int amount = Integer.parseInt(matcher.group(1));
        return switch (matcher.group(2).charAt(0)) {
            case 'd' -> Period.ofDays(amount);
            case 'w' -> Period.ofWeeks(amount);
            default -> Period.ofMonths(amount);
        };
    }

    /** Readable period: {@code 2 weeks}, {@code 6 months}, {@code 10 days}. */
    static String describePeriod(Period period) {
        if (period.getYears() == 0 && period.getMonths() == 0 && period.getDays() % 7 == 0 && period.getDays() > 0) {
            return plural(period.getDays() / 7, "week");
        }
        List<String> parts = new ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(plural(period.getYears(), "year"));
        }
        if (period.getMonths() != 0) {
            parts.add(plural(period.getMonths(), "month"));
        }
        if (period.getDays() != 0 || parts.isEmpty()) {
            parts.add(plural(period.getDays(), "day"));
        }
        return String.join(" ", parts);
    }

    private static String plural(int amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }

    private static Integer jsonInteger(Object json) {
        if (json instanceof Integer value) {
            return value;
        }
        if (json instanceof Long || json instanceof java.math.BigInteger) {
            throw new IllegalArgumentException("out of range");
        }
        return Integer.valueOf(string(json).strip());
    }

    private static Boolean strictBoolean(String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("not a boolean");
        }
        return Boolean.valueOf(value);
    }

    private static Boolean onOff(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "on", "yes", "true" -> true;
            case "off", "no", "false" -> false;
            default -> throw new IllegalArgumentException("not on or off");
        };
    }

    /** A time typed in chat: 9:00 or 09:00. */
    static LocalTime time(String text) {
        String stripped = text.strip();
        return LocalTime.parse(stripped.length() == 4 ? "0" + stripped : stripped);
    }

    private static Set<DayOfWeek> storedDays(String value) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : value.split(",")) {
            if (!day.isBlank()) {
                days.add(DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT)));
            }
        }
        return days;
    }

    private static Set<DayOfWeek> jsonDays(Object json) {
        if (!(json instanceof Collection<?> names)) {
            throw new IllegalArgumentException("not a list of days");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Object name : names) {
            days.add(DayOfWeek.valueOf(string(name)));
        }
        return days;
    }

    /** Days like {@code mon-fri}, {@code monday,wednesday} or {@code mon tue thu}. */
    private static Set<DayOfWeek> chatDays(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.toLowerCase(Locale.ROOT).split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] range = part.split("-", -1);
            if (range.length == 2) {
                DayOfWeek to = day(range[1]);
                for (DayOfWeek d = day(range[0]); ; d = d.plus(1)) {
                    days.add(d);
                    if (d == to) {
                        break;
                    }
                }
            } else if (range.length == 1) {
                days.add(day(part));
            } else {
                throw new IllegalArgumentException("not days");
            }
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no days");
        }
        return days;
    }

    private static DayOfWeek day(String word) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (word.length() >= 3 && day.name().toLowerCase(Locale.ROOT).startsWith(word)) {
                return day;
            }
        }
        throw new IllegalArgumentException("not a day: " + word);
    }

    /** Readable days: {@code Monday–Friday} or {@code Monday, Wednesday}. */
    static String describeDays(Set<DayOfWeek> days) {
        List<DayOfWeek> sorted = new ArrayList<>(days);
        sorted.sort(null);
        boolean consecutive = sorted.size() > 2;
        for (int i = 1; i < sorted.size() && consecutive; i++) {
            consecutive = sorted.get(i).getValue() == sorted.get(i - 1).getValue() + 1;
        }
        if (consecutive) {
            return title(sorted.get(0)) + "–" + title(sorted.get(sorted.size() - 1));
        }
        return sorted.isEmpty() ? "none"
                : sorted.stream().map(SettingType::title).collect(Collectors.joining(", "));
    }

    private static String title(DayOfWeek day) {
        String name = day.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String channel(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
