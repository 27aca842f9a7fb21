package io.handoff.friction;

import java.util.Locale;
import java.util.Optional;

/** A shown aggregate against the same aggregate of the previous period (when that one was shown too). */
public record Trend(ShownAggregate current, Optional<ShownAggregate> previous) {

    /** Change of the mean, in the tenths shown to people; empty when there is nothing to compare with. */
    public Optional<Double> change() {
        return previous.map(p -> (Math.round(current.mean() * 10) - Math.round(p.mean() * 10)) / 10.0);
    }

    public boolean fell() {
        return change().map(c -> c < 0).orElse(false);
    }

    /** "down 0.6 from 3.9", "up 0.2 from 3.1", "no change", "new this period". */
    public String spoken() {
        if (previous.isEmpty()) {
            return "no earlier figure";
        }
        double change = change().orElseThrow();
        if (change == 0) {
            return "no change";
        }
        return String.format(Locale.ROOT, "%s %.1f from %s", change < 0 ? "down" : "up", Math.abs(change),
                previous.get().meanText());
    }
}
