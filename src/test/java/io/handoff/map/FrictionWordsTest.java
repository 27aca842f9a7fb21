package io.handoff.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Friction in words: trends over consecutive periods, and the count (never a figure) below the minimum. */
class FrictionWordsTest {

    /** Weekly points from the week of 2 Nov 2026, one mean each. */
    private static List<FrictionReading.Point> weeks(double... means) {
        List<FrictionReading.Point> points = new ArrayList<>();
        LocalDate monday = LocalDate.of(2026, 11, 2);
        for (double mean : means) {
            points.add(new FrictionReading.Point("the week of " + monday.getDayOfMonth() + " Nov", monday,
                    monday.plusWeeks(1), mean));
            monday = monday.plusWeeks(1);
        }
        return points;
    }

    @Test
    void aTrendReadsAsWorseForSoLongBetterSinceOrNoChangeSince() {
        assertThat(FrictionWords.trend(weeks(3.9, 3.4, 3.1, 2.2))).isEqualTo("worse for 3 weeks");
        assertThat(FrictionWords.trend(weeks(2.0, 3.4, 3.1, 2.2))).isEqualTo("worse for 2 weeks");
        assertThat(FrictionWords.trend(weeks(3.0, 2.1, 2.5, 3.3))).isEqualTo("better since the week of 9 Nov");
        assertThat(FrictionWords.trend(weeks(2.0, 3.04, 2.96))).isEqualTo("no change since the week of 9 Nov");
        assertThat(FrictionWords.trend(weeks(2.5))).isEqualTo("no earlier figure");
        List<FrictionReading.Point> months = List.of(
                new FrictionReading.Point("September 2026", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1), 4),
                new FrictionReading.Point("October 2026", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1), 3),
                new FrictionReading.Point("November 2026", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1), 2),
                new FrictionReading.Point("December 2026", LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1), 1.5));
        assertThat(FrictionWords.trend(months)).isEqualTo("worse for 3 months");
    }

    @Test
    void belowTheMinimumOnlyTheCountIsSaid() {
        FrictionReading two = new FrictionReading(Optional.empty(), 2, 3, "this week", "Drivers");
        FrictionReading enough = new FrictionReading(Optional.empty(), 3, 3, "this week", "Drivers");
        FrictionReading shown = new FrictionReading(Optional.of(new FrictionReading.Figure(2.125, 4,
                weeks(2.6, 2.1))), 0, 3, "this week", "Drivers");

        assertThat(FrictionWords.reading(two)).isEqualTo("not enough answers yet (2 of 3 this week)");
        // with the lowest minimum (2), "1 of 2" would single out one colleague: no count, and no figure either
        assertThat(FrictionWords.reading(new FrictionReading(Optional.empty(), 1, 2, "this week", "Drivers")))
                .isEqualTo("not enough answers yet this week");
        assertThat(FrictionWords.reading(new FrictionReading(Optional.empty(), 1, 3, "this week", "Drivers")))
                .isEqualTo("not enough answers yet (1 of 3 this week)");
        assertThat(FrictionWords.reading(enough)).isEqualTo("no figure yet: 3 answers this week, shown once the poll "
                + "closes");
        assertThat(FrictionWords.reading(shown)).isEqualTo("rated 2.1 of 5 by Drivers from 4 answers, worse for 1 week");
        assertThat(FrictionWords.bad(shown)).isFalse();
        assertThat(FrictionWords.bad(new FrictionReading(Optional.of(new FrictionReading.Figure(2.04, 3, List.of())),
                0, 3, "", ""))).isTrue();
    }
}
