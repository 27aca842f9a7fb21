package io.handoff.journey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.handoff.map.FrictionAggregate;

/**
 * When a customer signal "fell", honestly: for one touchpoint and metric, the mean of its latest {@value #WINDOW}
 * periods is worse than the mean of the {@value #WINDOW} periods before them, in the metric's better direction, by at
 * least the tenant's threshold (a percentage of the earlier mean, {@code journey-signal-fall}). Fewer than
 * {@code 2 × WINDOW} periods: no verdict. Pure Java; the figures are kept so every answer can show them.
 */
final class SignalFalls {
    public static final int WINDOW = 3;
    /** Friction "moved with" a fall when its score (0 smooth to 1 worst) rose by at least this over the same windows. */
    public static final double FRICTION_RISE = 0.1;

    private SignalFalls() {
    }

    /**
     * One fall: the touchpoint and metric, the two windows of periods (oldest first), their means and the change in
     * percent of the earlier mean (negative: worse, whatever the direction).
     */
    public record Fall(TouchpointId touchpoint, String metric, Better better, List<SignalPeriod> earlier,
                       List<SignalPeriod> latest, double earlierMean, double latestMean, double worsePercent) {
        public Fall {
            earlier = List.copyOf(earlier);
            latest = List.copyOf(latest);
        }

        public SignalPeriod latestPeriod() {
            return latest.get(latest.size() - 1);
        }

        /**
         * {@code on-time % 84.9 in the weeks of 2 Nov to 16 Nov, down from 90.8 in the weeks of 12 Oct to 26 Oct
         * (6.5% worse)}: periods as dates, never ids.
         */
        public String describe() {
            return String.format(Locale.ROOT, "%s %s in %s, %s from %s in %s (%.1f%% worse)", metric,
                    figure(latestMean), SignalPeriod.span(latest.get(0), latestPeriod()),
                    better == Better.HIGHER ? "down" : "up", figure(earlierMean),
                    SignalPeriod.span(earlier.get(0), earlier.get(earlier.size() - 1)), worsePercent);
        }
    }

    /** Every fall among {@code signals}, by touchpoint then metric. {@code thresholdPercent} ≥ 0. */
    public static List<Fall> falls(List<CustomerSignal> signals, double thresholdPercent) {
        Map<String, List<CustomerSignal>> series = new LinkedHashMap<>();
        signals.stream()
                .sorted(Comparator.comparing(CustomerSignal::touchpoint).thenComparing(CustomerSignal::metric)
                        .thenComparing(CustomerSignal::period))
                .forEach(s -> series.computeIfAbsent(s.touchpoint().value() + "|" + s.metric(), k -> new ArrayList<>())
                        .add(s));
        List<Fall> falls = new ArrayList<>();
        series.values().forEach(one -> fall(one, thresholdPercent).ifPresent(falls::add));
        return falls;
    }

    /** The fall of one series (one touchpoint and metric, oldest period first), if it fell. */
    static Optional<Fall> fall(List<CustomerSignal> series, double thresholdPercent) {
        if (series.size() < 2 * WINDOW) {
            return Optional.empty();
        }
        List<CustomerSignal> latest = series.subList(series.size() - WINDOW, series.size());
        List<CustomerSignal> earlier = series.subList(series.size() - 2 * WINDOW, series.size() - WINDOW);
        Better better = latest.get(WINDOW - 1).better();
        double before = mean(earlier);
        double now = mean(latest);
        double worse = better == Better.HIGHER ? before - now : now - before;
        double base = Math.abs(before);
        double percent = base == 0 ? (worse > 0 ? 100 : 0) : 100 * worse / base;
        if (worse <= 0 || percent + 1e-9 < thresholdPercent) {
            return Optional.empty();
        }
        CustomerSignal first = latest.get(0);
        return Optional.of(new Fall(first.touchpoint(), first.metric(), better,
                earlier.stream().map(CustomerSignal::period).toList(),
                latest.stream().map(CustomerSignal::period).toList(), before, now, percent));
    }

    /**
     * Whether friction along a handoff rose over the last {@value #WINDOW} periods of its trend against the
     * {@value #WINDOW} before (by {@link #FRICTION_RISE} or more); the aggregate is one the maps may show.
     */
    public static boolean frictionRose(FrictionAggregate friction) {
        List<Double> trend = friction.trend();
        if (trend.size() < 2 * WINDOW) {
            return false;
        }
        double before = trend.subList(trend.size() - 2 * WINDOW, trend.size() - WINDOW).stream()
                .mapToDouble(Double::doubleValue).average().orElse(0);
        double now = trend.subList(trend.size() - WINDOW, trend.size()).stream()
                .mapToDouble(Double::doubleValue).average().orElse(0);
        return now - before + 1e-9 >= FRICTION_RISE;
    }

    private static double mean(List<CustomerSignal> signals) {
        return signals.stream().mapToDouble(CustomerSignal::value).average().orElse(0);
    }

    static String figure(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e9 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
