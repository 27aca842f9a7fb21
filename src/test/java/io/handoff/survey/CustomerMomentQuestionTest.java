package io.handoff.survey;

import static io.handoff.survey.SurveyFixture.notificationTo;
import static io.handoff.survey.SurveyFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.handoff.chat.Notification;
import io.handoff.chat.Outcome;
import io.handoff.graph.TeamId;
import io.handoff.journey.Channel;
import io.handoff.journey.Journey;
import io.handoff.journey.JourneyId;
import io.handoff.journey.JourneyQueries;
import io.handoff.journey.Journeys;
import io.handoff.journey.Stage;
import io.handoff.journey.Touchpoint;
import io.handoff.journey.TouchpointId;
import io.handoff.journey.Weight;
import io.handoff.map.FrictionScores;

/**
 * The confirmation question names the customer moment the handoff reaches, from the journeys' line of sight (wired
 * through the graph's {@code CustomerMoments} port as in production): the drivers own the game-over "Parcel delivered".
 */
class CustomerMomentQuestionTest {
    private JourneyQueries queries;
    private final SurveyFixture f = new SurveyFixture((tenant, person) -> queries.moments(tenant, person));

    @BeforeEach
    void parcelDeliveredIsOwnedByTheDrivers() {
        Journeys journeys = Journeys.onRedis(f.redis, f.graph);
        queries = new JourneyQueries(f.graph, journeys, FrictionScores.NONE, t -> 3, t -> Duration.ofDays(180), 4,
                f.clock);
        journeys.define(f.tenant, new Journey(JourneyId.of("parcels"), "Parcel delivery", "someone expecting a parcel",
                List.of(new Stage("Delivery", List.of(new Touchpoint(TouchpointId.of("parcel-delivered"),
                        "Parcel delivered", Channel.IN_PERSON, List.of(TeamId.of("drivers")), List.of(),
                        Weight.GAME_OVER))))));
    }

    @Test
    void theUpstreamAskedToConfirmLearnsTheirWorkReachesParcelDeliveredThroughDana() {
        List<Outcome> outcomes = f.survey("dana", List.of(), List.of(), List.of("pat"),
                List.of("loaded truck", "daily", "critical"));

        Notification question = notificationTo(outcomes.get(outcomes.size() - 1), "pat");
        assertThat(text(question.message())).isEqualTo("""
                Dana Kowalski from Delivery drivers counts on your loaded truck, daily.
                Dana says it shapes their whole day: if it goes wrong, their day is lost.
                Did you know Dana depends on you?
                Through Dana, your work reaches customers at Parcel delivered, a game-over moment for them.
                [Confirm] [Not really] [Yes, and there's more]""");
    }

    @Test
    void theDownstreamAskedToConfirmLearnsTheirOwnWorkMeetsTheCustomerThere() {
        List<Outcome> outcomes = f.survey("pat", List.of("dana"), List.of("loaded truck", "daily", "critical"),
                List.of(), List.of());

        Notification question = notificationTo(outcomes.get(1), "dana");
        assertThat(text(question.message())).contains("Is that right?\nYour work reaches customers at Parcel "
                + "delivered, a game-over moment for them.\n[Confirm]");
        assertThat(question.message().blocks()).anySatisfy(b -> assertThat(b).hasToString(
                "Paragraph[spans=[Span[text=Your work reaches customers at , strong=false], "
                        + "Span[text=Parcel delivered, strong=true], "
                        + "Span[text=, a game-over moment for them., strong=false]]]"));
    }

    @Test
    void aHandoffWhoseDownstreamReachesNoCustomerNamesNoMoment() {
        List<Outcome> outcomes = f.survey("sam", List.of("noor"), List.of("sorting rota", "weekly", "routine"),
                List.of(), List.of());

        assertThat(text(notificationTo(outcomes.get(1), "noor").message())).doesNotContain("reaches customers");
    }
}
