package io.handoff.map;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the manager's report may say about friction along one handoff: the figure of the latest closed period with the
 * closed periods just before it (only where the friction minimum of respondents was met and the aggregate was shown),
 * or, where it was not, how many people have answered so far in the running period against that minimum. Never a
 * figure below the minimum. The count is of people, never of scores, and is said only where the minimum is 3 or more
 * ({@code FrictionWords.COUNT_FROM_MINIMUM} gives the reasoning).
 *
 * @param figure   the shown figure, empty below the minimum
 * @param answered how many people answered so far in the running period ({@code so far})
 * @param minimum  the tenant's minimum of respondents before a figure is shown
 * @param soFar    the running period as people read it ("this week", "these two weeks", "this month")
 * @param rater    the team whose answers the figure sums (the downstream's team)
 */
public record FrictionReading(Optional<Figure> figure, int answered, int minimum, String soFar, String rater) {

    public FrictionReading {
        figure = Objects.requireNonNullElse(figure, Optional.empty());
        soFar = Objects.requireNonNullElse(soFar, "");
        rater = Objects.requireNonNullElse(rater, "");
        if (answered < 0 || minimum < 1) {
            throw new IllegalArgumentException("answered must be >= 0 and minimum >= 1");
        }
    }

    /**
     * A shown figure: the mean answer on the poll's 1 (got in the way) to 5 (smooth) scale, how many answers it sums,
     * and the consecutive closed periods that had a shown figure, oldest first (the last is the figure's own).
     */
    public record Figure(double mean, int answers, List<Point> trend) {
        public Figure {
            if (Double.isNaN(mean) || mean < 1 || mean > 5 || answers < 1) {
                throw new IllegalArgumentException("a figure is a mean of 1 to 5 over at least one answer");
            }
            trend = List.copyOf(trend);
        }
    }

    /** One closed period of the trend: its dates as people read them ("the week of 16 Nov") and its mean. */
    public record Point(String label, LocalDate start, LocalDate end, double mean) {
        public Point {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }

        long days() {
            return ChronoUnit.DAYS.between(start, end);
        }
    }

    /** The look-up of one report: readings of many handoffs, reading what they share (the periods) once. */
    @FunctionalInterface
    public interface Lookup {
        /** The reading of the handoff from {@code upstream} to {@code downstream}; empty without friction polls. */
        Optional<FrictionReading> of(io.handoff.graph.PersonId upstream, io.handoff.graph.PersonId downstream,
                                     Optional<io.handoff.graph.TeamId> downstreamTeam);

        Lookup NONE = (upstream, downstream, team) -> Optional.empty();
    }
}
