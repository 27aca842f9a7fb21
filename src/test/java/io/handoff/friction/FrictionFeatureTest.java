package io.handoff.friction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Action;
import io.handoff.chat.Field;
import io.handoff.chat.Interaction;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.graph.Criticality;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.map.FrictionAggregate;

class FrictionFeatureTest {
    private final FrictionFixture f = new FrictionFixture();
    private final FrictionFeature feature = new FrictionFeature(f.friction);
    private final FrictionMapScores scores = new FrictionMapScores(f.graph, f.friction);
    private final FrictionPersonalData personalData = new FrictionPersonalData(f.graph, f.store, f.engagement);

    private Outcome press(String who, String id, String value) {
        return feature.onButton(new Interaction.ButtonPressed(f.actor(who), new Action(id, value)));
    }

    @Test
    void aButtonRatesAndTheFormAddsWhatGotInTheWay() {
        f.anaLoadsTrucksFor(1);

        Outcome rated = press("d1", FrictionMessages.RATE, "ana:2");
        Outcome form = press("d1", FrictionMessages.WHY, "ana");
        var opened = ((Reply.OpenForm) form.reply()).form();
        Outcome answered = feature.onForm(new Interaction.FormSubmitted(f.actor("d1"), FrictionMessages.FORM,
                opened.state(), Map.of("score", List.of("2"), "comment", List.of("Boxes stacked wrong <!channel>"))));

        assertThat(((Reply.Show) rated.reply()).message().summary()).isEqualTo("Thanks: 2 recorded");
        assertThat(opened.fields()).anySatisfy(field -> assertThat(field).isInstanceOfSatisfying(Field.Choice.class,
                c -> assertThat(c.initial()).isEqualTo("2")));
        assertThat(opened.fields().get(opened.fields().size() - 1)).isInstanceOfSatisfying(Field.Note.class,
                note -> assertThat(note.text().plainText()).startsWith("Ana Silva's team sees only totals of at least 3"));
        assertThat(answered.reply()).isInstanceOf(Reply.CloseForm.class);
        FrictionAnswer stored = f.store.answers(f.tenant, f.friction.currentPeriod(f.tenant)).get(0);
        assertThat(stored.score()).isEqualTo(2);
        assertThat(stored.comment()).isEqualTo("Boxes stacked wrong <!channel>");
    }

    @Test
    void refusesScoresOutOfRangeAndHandoffsThatAreNotTheirs() {
        f.anaLoadsTrucksFor(1);

        Outcome nine = press("d1", FrictionMessages.RATE, "ana:9");
        Outcome notTheirs = press("d2", FrictionMessages.RATE, "ana:3");
        Outcome garbled = press("d1", FrictionMessages.RATE, "../../x:3");
        Outcome badForm = feature.onForm(new Interaction.FormSubmitted(f.actor("d1"), FrictionMessages.FORM, "ana",
                Map.of("score", List.of("seven"))));

        assertThat(((Reply.Show) nine.reply()).message().summary()).contains("1 to 5");
        assertThat(((Reply.Show) notTheirs.reply()).message().summary()).isEqualTo("That handoff is no longer on your map.");
        assertThat(garbled.reply()).isInstanceOf(Reply.Show.class);
        assertThat(((Reply.FormErrors) badForm.reply()).errors()).containsKey("score");
        assertThat(f.store.answers(f.tenant, f.friction.currentPeriod(f.tenant))).isEmpty();
    }

    @Test
    void mapsGetOnlyShownAggregatesAsAFrictionScoreWithTrend() {
        f.anaLoadsTrucksFor(4);
        for (int i = 1; i <= 3; i++) {
            f.rate("ana", "d" + i, 5, null);
        }
        f.friction.close(f.tenant, f.friction.currentPeriod(f.tenant));
        f.clock.advance(Duration.ofDays(7));
        for (int i = 1; i <= 3; i++) {
            f.rate("ana", "d" + i, 1, null);
        }
        f.friction.close(f.tenant, f.friction.currentPeriod(f.tenant));
        f.clock.advance(Duration.ofDays(7));

        FrictionAggregate edge = scores.handoff(f.tenant, PersonId.of("ana"), PersonId.of("d1")).orElseThrow();
        FrictionAggregate pair = scores.teams(f.tenant, TeamId.of("preload"), TeamId.of("drivers")).orElseThrow();

        assertThat(edge.score()).isEqualTo(1.0);
        assertThat(edge.respondents()).isEqualTo(3);
        assertThat(edge.trend()).containsExactly(0.0, 1.0);
        assertThat(pair.score()).isEqualTo(1.0);
        assertThat(scores.handoff(f.tenant, PersonId.of("bob"), PersonId.of("d1"))).isEmpty();
        assertThat(scores.teams(f.tenant, TeamId.of("drivers"), TeamId.of("preload"))).isEmpty();
    }

    @Test
    void myDataShowsOnlyThePersonsOwnAnswersAndForgetMeDeletesThem() {
        f.anaLoadsTrucksFor(2);
        f.rate("ana", "d1", 2, "late");
        f.rate("ana", "d2", 5, "great");

        var sections = personalData.describe(f.tenant, PersonId.of("d1"));
        List<String> erased = personalData.erase(f.tenant, PersonId.of("d1"));

        assertThat(sections).singleElement().satisfies(s -> {
            assertThat(s.lines()).containsExactly("The week of 23 Nov: 2 of 5 for Ana Silva's loaded trucks — \"late\"");
            assertThat(s.toString()).doesNotContain("great");
        });
        assertThat(erased).containsExactly("1 friction poll answer");
        assertThat(personalData.describe(f.tenant, PersonId.of("d1"))).isEmpty();
        assertThat(f.store.answers(f.tenant, f.friction.currentPeriod(f.tenant)))
                .extracting(a -> a.downstream().value()).containsExactly("d2");
    }

    @Test
    void theHomeSectionOffersWhatIsLeftToRate() {
        f.anaLoadsTrucksFor(1);
        f.confirmed("bob", "d1", "pallets", Criticality.ROUTINE);
        f.rate("ana", "d1", 3, null);

        assertThat(feature.homeSection(f.actor("d1")).toString()).contains("1 handoff to rate this week.");
        assertThat(feature.homeSection(f.actor("d2"))).isEmpty();
    }

    @Test
    void theUpstreamSeesHowTheirHandoffsWereRatedLastPeriodOnlyAsAShownAggregate() {
        f.anaLoadsTrucksFor(3);
        f.confirmed("bob", "d4", "pallets", Criticality.ROUTINE);
        for (int i = 1; i <= 3; i++) {
            f.rate("ana", "d" + i, 4, null);
        }
        f.rate("bob", "d4", 1, null);
        f.friction.close(f.tenant, f.friction.currentPeriod(f.tenant));
        f.clock.advance(Duration.ofDays(7));

        // pair of 4 and Ana's 3 inside it: Ana's aggregate is suppressed (Bob's answer would be the difference)
        assertThat(feature.homeSection(f.actor("ana"))).isEmpty();
        assertThat(feature.homeSection(f.actor("bob"))).isEmpty();

        for (int i = 1; i <= 3; i++) {
            f.rate("ana", "d" + i, 3, null);
        }
        f.friction.close(f.tenant, f.friction.currentPeriod(f.tenant));
        f.clock.advance(Duration.ofDays(7));
        assertThat(feature.homeSection(f.actor("ana")).toString())
                .contains("Your loaded trucks for Delivery drivers in the week of 30 Nov: 3.0 from 3 answers.");
    }
}
