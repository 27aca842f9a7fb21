package io.handoff.map;

import java.util.List;
import java.util.Locale;

/**
 * Friction as people read it: "rated 2.1 of 5 from 4 answers, worse for 3 weeks", "not enough answers yet (2 of 3
 * this week)". The figure is the mean on the poll's own 1 (got in the way) to 5 (served me very well) scale; a trend
 * compares the shown tenths of consecutive closed periods, each named by its dates. Below the minimum only the count
 * of people who answered so far in the running period is said (from a minimum of {@value #COUNT_FROM_MINIMUM}; see
 * there why), never a figure.
 */
final class FrictionWords {
    /**
     * The lowest minimum of respondents at which the report says how many have answered so far ("2 of 3 this week").
     *
     * <p>Decision (issue 19): the count is of the running period, is a number of people and never a score, and the
     * figure stays hidden until the period closes with at least the minimum, so no answer can be read from it, nor
     * from its change as people answer (it moves by one person, never by a score). With a minimum of 3 or more it can
     * only ever say "1 of 3" or "2 of 3": at least two more colleagues must still answer before any figure appears,
     * and that figure then mixes at least three. With the lowest minimum the settings allow, 2, "1 of 2" would single
     * out that exactly one colleague has answered and the next answer completes a figure of two, so there the report
     * says only "not enough answers yet".
     */
    static final int COUNT_FROM_MINIMUM = 3;

    /** A rating at or below this is "bad" for the report's definition of blocking. */
    static final double BLOCKING_AT_OR_BELOW = 2.0;
    static final String SCALE = "Ratings are the receiving team's answers to the friction poll, from 1 (got in the "
            + "way) to 5 (served them very well).";

    private FrictionWords() {
    }

    /** The reading in words: the figure and its trend, or how many answered so far against the minimum. */
    static String reading(FrictionReading reading) {
        if (reading.figure().isPresent()) {
            return figure(reading.figure().get(), reading.rater());
        }
        if (reading.answered() >= reading.minimum()) {
            return "no figure yet: " + reading.answered() + " answers " + reading.soFar()
                    + ", shown once the poll closes";
        }
        if (reading.minimum() < COUNT_FROM_MINIMUM) {
            // "1 of 2" would point at one colleague: only that answers are still too few
            return "not enough answers yet" + (reading.soFar().isEmpty() ? "" : " " + reading.soFar());
        }
        return "not enough answers yet (" + reading.answered() + " of " + reading.minimum()
                + (reading.soFar().isEmpty() ? "" : " " + reading.soFar()) + ")";
    }

    private static String figure(FrictionReading.Figure figure, String rater) {
        String text = "rated " + tenths(figure.mean()) + " of 5" + (rater.isEmpty() ? "" : " by " + rater) + " from "
                + figure.answers() + (figure.answers() == 1 ? " answer" : " answers");
        return text + ", " + trend(figure.trend());
    }

    /**
     * The trend in words, from the consecutive closed periods oldest first: "worse for 3 weeks" (each of the last
     * periods lower than the one before), "better since the week of 16 Nov" (higher than in that period, step by
     * step), "no change since …", or "no earlier figure" for a first figure.
     */
    static String trend(List<FrictionReading.Point> points) {
        if (points.size() < 2) {
            return "no earlier figure";
        }
        int last = points.size() - 1;
        int direction = step(points, last);
        int run = 1;
        while (last - run >= 1 && step(points, last - run) == direction) {
            run++;
        }
        FrictionReading.Point since = points.get(last - run);
        if (direction < 0) {
            long days = 0;
            for (int i = last - run + 1; i <= last; i++) {
                days += points.get(i).days();
            }
            return "worse for " + duration(days);
        }
        return (direction > 0 ? "better since " : "no change since ") + since.label();
    }

    /** The sign of the change in shown tenths from period {@code i - 1} to {@code i}. */
    private static int step(List<FrictionReading.Point> points, int i) {
        return Long.signum(Math.round(points.get(i).mean() * 10) - Math.round(points.get(i - 1).mean() * 10));
    }

    private static String duration(long days) {
        long weeks = Math.max(1, Math.round(days / 7.0));
        if (weeks <= 8) {
            return weeks + (weeks == 1 ? " week" : " weeks");
        }
        long months = Math.round(days / 30.44);
        return months + " months";
    }

    static boolean bad(FrictionReading reading) {
        return reading.figure().map(f -> Math.round(f.mean() * 10) <= BLOCKING_AT_OR_BELOW * 10).orElse(false);
    }

    static boolean worsening(FrictionReading reading) {
        return reading.figure().map(f -> trend(f.trend()).startsWith("worse")).orElse(false);
    }

    static String tenths(double mean) {
        return String.format(Locale.ROOT, "%.1f", mean);
    }
}
