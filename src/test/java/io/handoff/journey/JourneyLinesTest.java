package io.handoff.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.handoff.demo.SampleJourneys;

/** The touchpoint lines of the journey form: reading, ids made from names, line numbers, and the prefill. */
class JourneyLinesTest {

    @Test
    void theDemoJourneyReadsBackFromItsOwnLinesUnchanged() {
        Journey parcel = SampleJourneys.parcelDelivery();
        List<String> problems = new ArrayList<>();

        JourneyLines.Read read = JourneyLines.read(JourneyLines.format(parcel), problems);
        Journey again = JourneyDefinitions.read(parcel.id(), Map.of("name", parcel.name(), "customer",
                parcel.customer(), "stages", read.stages()));

        assertThat(problems).isEmpty();
        assertThat(again.stages()).extracting(Stage::name)
                .isEqualTo(parcel.stages().stream().map(Stage::name).toList());
        assertThat(again.touchpoints()).extracting(Touchpoint::id)
                .isEqualTo(parcel.touchpoints().stream().map(Touchpoint::id).toList());
        assertThat(again.touchpoints()).extracting(Touchpoint::channel, Touchpoint::weight)
                .isEqualTo(parcel.touchpoints().stream().map(t -> org.assertj.core.groups.Tuple.tuple(t.channel(),
                        t.weight())).toList());
    }

    @Test
    void newLinesGetUniqueIdsFromTheirNamesAndStagesKeepTheOrderOfTheirFirstLine() {
        List<String> problems = new ArrayList<>();

        JourneyLines.Read read = JourneyLines.read("B | Parcel | app | routine\r\n\r\nA | Parcel | APP | Game_Over\n"
                + "B | Ünïcødé ✓ | letter | important | parcel-2\nB | 配達 | other | routine\n", problems);

        assertThat(problems).isEmpty();
        assertThat(read.stages()).extracting(s -> s.get("name")).containsExactly("B", "A");
        assertThat(read.lines()).containsExactly(List.of(1, 4, 5), List.of(3));
        assertThat(read.stages().toString()).contains("id=parcel,", "id=parcel-3,", "id=parcel-2,",
                "id=touchpoint,");
    }

    @Test
    void eachBadLineIsNamedByItsNumber() {
        List<String> problems = new ArrayList<>();

        JourneyLines.read(" | x | fax | sometimes\nA | B | app\nA | B | app | routine | a b", problems);

        assertThat(problems).containsExactly(
                "Line 1: the stage is missing; the channel must be one of in person, phone, app, email, letter, "
                        + "other; the weight must be one of routine, important, game over",
                "Line 2: write stage | touchpoint | channel | weight (and, to keep a touchpoint, its id), with | "
                        + "only between them; this line has 3 columns",
                "Line 3: the id 'a b' may hold only letters, digits and . _ @ + - (at most 128), starting with a "
                        + "letter or digit");
        List<String> none = new ArrayList<>();
        JourneyLines.read("  \n", none);
        assertThat(none).containsExactly("Write at least one touchpoint, e.g. Delivery | Parcel delivered | in "
                + "person | game over");
    }
}
