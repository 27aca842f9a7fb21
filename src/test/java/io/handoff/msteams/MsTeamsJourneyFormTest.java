package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.handoff.graph.PersonId;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.journey.Journey;
import io.handoff.journey.JourneyId;
import io.handoff.journey.Journeys;
import io.handoff.journey.Touchpoint;
import io.handoff.journey.TouchpointId;
import tools.jackson.databind.JsonNode;

/**
 * {@code journey new} and {@code journey edit <id>} over Teams through real JWT-signed activities: Ada, the
 * organisation's Handoff admin, gets the journey form as an Adaptive Card (sent to the Bot Framework connector
 * fake, keeping the card rules); bad lines come back on the card under the field; good ones store the journey and
 * bring the owners card (a multiple choice of the graph's teams and the people picker per touchpoint), whose
 * submission stores the owners; the edit card is prefilled; Mo, no admin, gets a sentence.
 */
class MsTeamsJourneyFormTest extends MsTeamsAppTest {
    @Autowired
    Journeys journeys;

    @Test
    void anAdminDefinesAJourneyWithCardsAndItsOwnersAreStored() {
        microsoftTenant = ADMINS_MICROSOFT_TENANT;
        BotFrameworkFake.TeamsUser ada = user("Ada Mensah", ADMIN_EMAIL);
        BotFrameworkFake.TeamsUser mo = user("Mo Member", "mo@contoso.example");
        client.post(fake.text(ada, "home"));
        client.post(fake.text(mo, "home"));
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        graph.saveTeam(tenant, Team.of("ops", "Operations"));
        String id = "returns-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(client.post(fake.text(ada, "journey new")).statusCode()).isEqualTo(200);
        JsonNode form = client.lastCard(ada.personalConversation());
        assertThat(AdaptiveCardRules.problems(form.toString())).isEmpty();
        JsonNode lines = MsTeamsTestClient.input(form, "text.touchpoints");
        assertThat(lines.path("isMultiline").asBoolean()).isTrue();
        assertThat(lines.path("maxLength").asInt()).isEqualTo(3000);
        assertThat(lines.path("placeholder").asString())
                .isEqualTo("Delivery | Parcel delivered | in person | game over");
        assertThat(BotFrameworkFake.texts(form)).contains("Up to 3,000 characters");
        JsonNode submit = form.path("actions").get(0).path("data");
        assertThat(submit.path("form").asString()).isEqualTo("journey-form.define");

        // a bad weight: the card comes back with the error under the touchpoints, nothing stored
        client.post(fake.submit(ada, Map.of("form", "journey-form.define", "state", submit.path("state").asString(),
                "text.id", id, "text.name", "Returns", "text.customer", "someone sending a parcel back",
                "text.touchpoints", "Start | Return booked | app | whenever")));
        JsonNode refused = client.lastCard(ada.personalConversation());
        assertThat(BotFrameworkFake.texts(refused)).contains("Line 1: the weight must be one of routine, important, "
                + "game over");
        assertThat(refused.path("body").findValuesAsString("id")).contains("error.touchpoints");
        assertThat(journeys.journey(tenant, JourneyId.of(id))).isEmpty();

        client.post(fake.submit(ada, Map.of("form", "journey-form.define", "state", submit.path("state").asString(),
                "text.id", id, "text.name", "Returns", "text.customer", "someone sending a parcel back",
                "text.touchpoints", "Start | Return booked | app | routine\nPick-up | Parcel collected | in person "
                        + "| game over")));
        assertThat(journeys.journey(tenant, JourneyId.of(id))).hasValueSatisfying(j ->
                assertThat(j.touchpoints()).extracting(t -> t.id().value())
                        .containsExactly("return-booked", "parcel-collected"));
        JsonNode owners = client.lastCard(ada.personalConversation());
        assertThat(AdaptiveCardRules.problems(owners.toString())).isEmpty();
        JsonNode teams = MsTeamsTestClient.input(owners, "choices.teams.parcel-collected");
        assertThat(teams.path("isMultiSelect").asBoolean()).isTrue();
        assertThat(teams.path("choices").findValuesAsString("value")).contains("ops");
        JsonNode people = MsTeamsTestClient.input(owners, "find.people.parcel-collected");
        assertThat(people.path("choices.data").path("dataset").asString()).isEqualTo("handoff.people");
        JsonNode next = owners.path("actions").get(0).path("data");
        assertThat(next.path("form").asString()).isEqualTo("journey-form.owners");

        client.post(fake.submit(ada, Map.of("form", "journey-form.owners", "state", next.path("state").asString(),
                "choices.teams.parcel-collected", "ops", "find.people.parcel-collected", "mo@contoso.example",
                "choices.teams.return-booked", "")));
        Journey stored = journeys.journey(tenant, JourneyId.of(id)).orElseThrow();
        Touchpoint collected = stored.touchpoint(TouchpointId.of("parcel-collected")).orElseThrow();
        assertThat(collected.ownerTeams()).containsExactly(TeamId.of("ops"));
        assertThat(collected.ownerPeople()).containsExactly(PersonId.of("mo@contoso.example"));
        assertThat(BotFrameworkFake.texts(client.lastCard(ada.personalConversation())))
                .contains("Saved **Returns**: 2 stages, 2 touchpoints.", "journey edit " + id);

        // the edit card is prefilled with the stored definition
        client.post(fake.text(ada, "journey edit " + id));
        JsonNode edit = client.lastCard(ada.personalConversation());
        assertThat(AdaptiveCardRules.problems(edit.toString())).isEmpty();
        assertThat(MsTeamsTestClient.input(edit, "text.name").path("value").asString()).isEqualTo("Returns");
        assertThat(MsTeamsTestClient.input(edit, "text.touchpoints").path("value").asString())
                .isEqualTo("Start | Return booked | app | routine | return-booked\n"
                        + "Pick-up | Parcel collected | in person | game over | parcel-collected");

        // Mo is no admin: a sentence, no form
        client.post(fake.text(mo, "journey new"));
        JsonNode answer = client.lastCard(mo.personalConversation());
        assertThat(BotFrameworkFake.texts(answer)).contains("Only your Handoff admins can define customer journeys");
        assertThat(answer.path("actions").findValuesAsString("form")).isEmpty();
        for (String conversation : List.of(ada.personalConversation(), mo.personalConversation())) {
            fake.sentTo(conversation).forEach(activity -> assertThat(AdaptiveCardRules.problems(
                    BotFrameworkFake.card(activity).toString())).as("card to %s", conversation).isEmpty());
        }
    }
}
