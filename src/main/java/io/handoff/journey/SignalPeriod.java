package io.handoff.journey;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.WeekFields;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.handoff.graph.Refusal;
import io.handoff.nudge.NudgeKey;

/**
 * The period a customer signal covers: an ISO week ({@code 2026-W14}) or a calendar month ({@code 2026-04}).
 * {@link #start()} orders periods of both kinds on one time line.
 */
public record SignalPeriod(String id, LocalDate start, boolean week) implements Comparable<SignalPeriod> {
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_ONLY = DateTimeFormatter.ofPattern("MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    public static SignalPeriod parse(String text) {
        String value = text == null ? "" : text.strip();
        Matcher week = WEEK.matcher(value);
        if (week.matches()) {
            int year = Integer.parseInt(week.group(1));
            int number = Integer.parseInt(week.group(2));
            LocalDate mid = LocalDate.of(year, 6, 1);
            long weeks = mid.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
            if (year < 2000 || year > 2100 || number < 1 || number > weeks) {
                throw new Refusal("'" + value + "' is not an ISO week (" + year + " has weeks 01 to " + weeks + ")");
            }
            LocalDate start = mid.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number)
                    .with(WeekFields.ISO.dayOfWeek(), 1);
            return new SignalPeriod(value, start, true);
        }
        Matcher month = MONTH.matcher(value);
        if (month.matches()) {
            int year = Integer.parseInt(month.group(1));
            int number = Integer.parseInt(month.group(2));
            if (year < 2000 || year > 2100 || number < 1 || number > 12) {
                throw new Refusal("'" + value + "' is not a month");
            }
            return new SignalPeriod(value, YearMonth.of(year, number).atDay(1), false);
        }
        throw new Refusal("period must be an ISO week like 2026-W14 or a month like 2026-04");
    }

    /** The ISO week containing {@code day}. */
    public static SignalPeriod weekOf(LocalDate day) {
        return parse(NudgeKey.isoWeek(day));
    }

    /** How a person reads the period: "the week of 30 Mar", "April 2026"; keys and exports keep {@link #id()}. */
    public String label() {
        return week ? "the week of " + DAY.format(start) : MONTH_YEAR.format(start);
    }

    /**
     * How a person reads the run of periods from {@code first} to {@code last}: "the weeks of 19 Jan to 2 Feb",
     * "January to March 2026".
     */
    public static String span(SignalPeriod first, SignalPeriod last) {
        if (first.equals(last)) {
            return first.label();
        }
        if (first.week && last.week) {
            return "the weeks of " + DAY.format(first.start) + " to " + DAY.format(last.start);
        }
        if (!first.week && !last.week) {
            DateTimeFormatter from = first.start.getYear() == last.start.getYear() ? MONTH_ONLY : MONTH_YEAR;
            return from.format(first.start) + " to " + MONTH_YEAR.format(last.start);
        }
        return first.label() + " to " + last.label();
    }

    @Override
    public int compareTo(SignalPeriod other) {
        int byStart = start.compareTo(other.start);
        return byStart != 0 ? byStart : id.compareTo(other.id);
    }

    @Override
    public String toString() {
        return id;
    }
}
