package io.handoff.friction;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One polling period of a cadence: an ISO week ({@code 2026-W48}), a pair of ISO weeks ({@code 2026-F24}: weeks 47
 * and 48) or a calendar month ({@code 2026-11}). {@code start} is its first day.
 */
public record Period(PollCadence cadence, LocalDate start) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final Pattern ID = Pattern.compile("(\\d{4})-(W|F|)(\\d{2})");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    public Period {
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(start, "start");
        if (!startOf(cadence, start).equals(start)) {
            throw new IllegalArgumentException(start + " does not start a " + cadence + " period");
        }
    }

    /** The period of {@code cadence} that contains {@code day}. */
    public static Period containing(PollCadence cadence, LocalDate day) {
        return new Period(cadence, startOf(cadence, day));
    }

    private static LocalDate startOf(PollCadence cadence, LocalDate day) {
        return switch (cadence) {
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case FORTNIGHTLY -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                int week = monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                yield week % 2 == 0 ? monday.minusWeeks(1) : monday;
            }
            case MONTHLY -> day.withDayOfMonth(1);
        };
    }

    /** The first day after the period. */
    public LocalDate end() {
        return switch (cadence) {
            case WEEKLY -> start.plusWeeks(1);
            case FORTNIGHTLY -> containing(cadence, start.plusWeeks(2)).start();
            case MONTHLY -> start.plusMonths(1);
        };
    }

    public Period previous() {
        return containing(cadence, start.minusDays(1));
    }

    public Period next() {
        return new Period(cadence, end());
    }

    /** The period's name, used in Redis keys: {@code 2026-W48}, {@code 2026-F24}, {@code 2026-11}. */
    public String id() {
        // Concatenation, not String.format: ids are made for every friction key (a hot spot in the soak's profile).
        return switch (cadence) {
            case WEEKLY -> start.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                    + twoDigits(start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case FORTNIGHTLY -> start.get(IsoFields.WEEK_BASED_YEAR) + "-F"
                    + twoDigits((start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + 1) / 2);
            case MONTHLY -> start.getYear() + "-" + twoDigits(start.getMonthValue());
        };
    }

    private static String twoDigits(int number) {
        return number < 10 ? "0" + number : Integer.toString(number);
    }

    /** How the period reads in a message: "this week", "these two weeks", "this month". */
    public String spoken() {
        return switch (cadence) {
            case WEEKLY -> "this week";
            case FORTNIGHTLY -> "these two weeks";
            case MONTHLY -> "this month";
        };
    }

    /**
     * How a person reads the period, as dates rather than its id: "the week of 22 Jun", "the two weeks from 22 Jun",
     * "June 2026". Keys and exports keep {@link #id()}.
     */
    public String label() {
        return switch (cadence) {
            case WEEKLY -> "the week of " + DAY.format(start);
            case FORTNIGHTLY -> "the two weeks from " + DAY.format(start);
            case MONTHLY -> MONTH.format(start);
        };
    }

    /** The period an {@link #id()} names; empty for text that is not one (an id stored by a future cadence). */
    public static Optional<Period> fromId(String id) {
        Matcher match = ID.matcher(id == null ? "" : id);
        if (!match.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(match.group(1));
        int number = Integer.parseInt(match.group(3));
        try {
            LocalDate firstMonday = LocalDate.of(year, 1, 4).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            Period period = switch (match.group(2)) {
                case "W" -> new Period(PollCadence.WEEKLY, firstMonday.plusWeeks(number - 1L));
                case "F" -> new Period(PollCadence.FORTNIGHTLY, firstMonday.plusWeeks(2L * number - 2));
                default -> new Period(PollCadence.MONTHLY, LocalDate.of(year, number, 1));
            };
            return period.id().equals(id) ? Optional.of(period) : Optional.empty(); // week 54 is no week
        } catch (RuntimeException notAPeriod) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return id();
    }
}
