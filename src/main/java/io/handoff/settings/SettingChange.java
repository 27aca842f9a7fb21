package io.handoff.settings;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.handoff.graph.Refusal;
import io.handoff.settings.TenantSettings;
/**
 * One setting changed from chat, {@code settings <name> <value>}: the setting's name and how its typed value changes
 * a tenant's {@link TenantSettings}. The result is not yet validated (the store does that, as for the HTTP API).
 */
final class SettingChange {
    static final String PERIOD_HINT = "a period such as '2 weeks', '10 days', '6 months' or P2W";

    private static final Pattern PERIOD = Pattern.compile("(\\d{1,4})\\s*(day|days|week|weeks|month|months)");
    private static final Pattern HOURS = Pattern.compile("(\\d{1,2}:\\d{2})\\s*(?:-|–|to)\\s*(\\d{1,2}:\\d{2})");
    private static final Map<String, Setting> SETTINGS = settings();

    private SettingChange() {
    }

    /** A setting's name, an example value and how a value is applied. */
    record Setting(String name, String example, BiFunction<Draft, String, Draft> apply) {
    }

    static List<Setting> all() {
        return List.copyOf(SETTINGS.values());
    }

    static String names() {
        return String.join(", ", SETTINGS.keySet());
    }

    /** The settings with {@code name} set to {@code value}; throws {@link IllegalArgumentException} with a hint. */
    static TenantSettings apply(TenantSettings current, String name, String value) {
        Setting setting = SETTINGS.get(name.toLowerCase(Locale.ROOT));
        if (setting == null) {
            throw new Refusal("I know no setting called '" + name + "'. The settings are: "
                    + names() + ".");
        }
        try {
            return setting.apply().apply(new Draft(current), value.strip()).build();
        } catch (DateTimeParseException | IllegalArgumentException wrong) {
            throw new Refusal("'" + value.strip() + "' is not a value for " + setting.name()
                    + ". Try for example: settings " + setting.name() + " " + setting.example());
        }
    }

    private static Map<String, Setting> settings() {
        Map<String, Setting> settings = new java.util.LinkedHashMap<>();
        add(settings, "friction-poll-every", "2 weeks", (d, v) -> d.frictionPollEvery(period(v)));
        add(settings, "story-prompt-every", "1 week", (d, v) -> d.storyPromptEvery(period(v)));
        add(settings, "survey-reminder-every", "1 week", (d, v) -> d.surveyReminderEvery(period(v)));
        add(settings, "working-days", "mon-fri", (d, v) -> d.workingDays(days(v)));
        add(settings, "working-hours", "09:00-17:00", SettingChange::hours);
        add(settings, "weekly-cap", "3", (d, v) -> d.weeklyCap(number(v)));
        add(settings, "min-respondents", "3", (d, v) -> d.minRespondents(number(v)));
        add(settings, "min-comment-respondents", "5", (d, v) -> d.minCommentRespondents(number(v)));
        add(settings, "stale-after", "6 months", (d, v) -> d.staleAfter(period(v)));
        add(settings, "manager-report-digest", "on", (d, v) -> d.managerReportDigest(onOff(v)));
        add(settings, "digest-channel", "C0123456 (or 'none')",
                (d, v) -> d.digestChannel(v.equalsIgnoreCase("none") ? null : v));
        return settings;
    }

    private static void add(Map<String, Setting> settings, String name, String example,
                            BiFunction<Draft, String, Draft> apply) {
        settings.put(name, new Setting(name, example, apply));
    }

    static Period period(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("p")) {
            return Period.parse(lower.toUpperCase(Locale.ROOT));
        }
        Matcher matcher = PERIOD.matcher(lower);
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

    private static Draft hours(Draft draft, String text) {
        Matcher matcher = HOURS.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not hours");
        }
        return draft.workdayStart(time(matcher.group(1))).workdayEnd(time(matcher.group(2)));
    }

    private static LocalTime time(String text) {
        return LocalTime.parse(text.length() == 4 ? "0" + text : text);
    }

    private static int number(String text) {
        return Integer.parseInt(text.strip());
    }

    private static boolean onOff(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "on", "yes", "true" -> true;
            case "off", "no", "false" -> false;
            default -> throw new IllegalArgumentException("not on or off");
        };
    }

    /** Days like {@code mon-fri}, {@code monday,wednesday} or {@code mon tue thu}. */
    static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.toLowerCase(Locale.ROOT).split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] range = part.split("-", -1);
            if (range.length == 2) {
                DayOfWeek from = day(range[0]);
                DayOfWeek to = day(range[1]);
                for (DayOfWeek d = from; ; d = d.plus(1)) {
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
            String name = day.name().toLowerCase(Locale.ROOT);
            if (word.length() >= 3 && name.startsWith(word)) {
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
        return sorted.stream().map(SettingChange::title).collect(Collectors.joining(", "));
    }

    private static String title(DayOfWeek day) {
        String name = day.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Readable period: {@code 2 weeks}, {@code 6 months}, {@code 10 days}. */
    static String describe(Period period) {
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

    /** A mutable copy of settings, one field changed at a time. */
    static final class Draft {
        private Period frictionPollEvery;
        private Period storyPromptEvery;
        private Period surveyReminderEvery;
        private Set<DayOfWeek> workingDays;
        private LocalTime workdayStart;
        private LocalTime workdayEnd;
        private Integer minRespondents;
        private Integer minCommentRespondents;
        private Integer weeklyCap;
        private Period staleAfter;
        private String digestChannel;
        private Boolean managerReportDigest;

        Draft(TenantSettings s) {
            frictionPollEvery = s.frictionPollEvery();
            storyPromptEvery = s.storyPromptEvery();
            surveyReminderEvery = s.surveyReminderEvery();
            workingDays = s.workingDays();
            workdayStart = s.workdayStart();
            workdayEnd = s.workdayEnd();
            minRespondents = s.minRespondents();
            minCommentRespondents = s.minCommentRespondents();
            weeklyCap = s.weeklyCap();
            staleAfter = s.staleAfter();
            digestChannel = s.digestChannel();
            managerReportDigest = s.managerReportDigest();
        }

        Draft frictionPollEvery(Period value) { frictionPollEvery = value; return this; }

        Draft storyPromptEvery(Period value) { storyPromptEvery = value; return this; }

        Draft surveyReminderEvery(Period value) { surveyReminderEvery = value; return this; }

        Draft workingDays(Set<DayOfWeek> value) { workingDays = value; return this; }

        Draft workdayStart(LocalTime value) { workdayStart = value; return this; }

        Draft workdayEnd(LocalTime value) { workdayEnd = value; return this; }

        Draft minRespondents(int value) { minRespondents = value; return this; }

        Draft minCommentRespondents(int value) { minCommentRespondents = value; return this; }

        Draft weeklyCap(int value) { weeklyCap = value; return this; }

        Draft staleAfter(Period value) { staleAfter = value; return this; }

        Draft digestChannel(String value) { digestChannel = value; return this; }

        Draft managerReportDigest(boolean value) { managerReportDigest = value; return this; }

        TenantSettings build() {
            return new TenantSettings(frictionPollEvery, storyPromptEvery, surveyReminderEvery, workingDays,
                    workdayStart, workdayEnd, minRespondents, minCommentRespondents, weeklyCap, staleAfter,
                    digestChannel, managerReportDigest);
        }
    }
}
