package io.handoff.msteams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.handoff.graph.EdgeStatus;
import io.handoff.graph.Handoff;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;

/**
 * The survey over Teams, end to end: commands and cards through /api/messages, edges in Redis, the proactive question
 * to the named colleague through their stored conversation reference, and their confirmation.
 */
class MsTeamsSurveyTest extends MsTeamsAppTest {
    @Autowired
    UnifiedJedis redis;

    @Test
    void mapsACustomerAndTheColleagueConfirmsThroughAProactiveCard() {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        BotFrameworkFake.TeamsUser dana = user("Dana Smith", "dana@contoso.example");
        // Dana has opened Handoff once, so Handoff may message her later.
        assertThat(client.post(fake.text(dana, "home")).statusCode()).isEqualTo(200);
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        PersonId danaId = PersonId.of("dana@contoso.example");
        assertThat(graph.person(tenant, danaId).orElseThrow().identities())
                .containsEntry(Platform.TEAMS, dana.aadObjectId());
        assertThat(redis.get("handoff:{" + tenant.value() + "}:teams-ref:" + danaId.value()))
                .contains(dana.personalConversation()).contains(fake.serviceUrl());

        // Pat: "customers" opens the first form. Pat works with nobody yet, so there is no short list: the search
        // (Teams' typeahead, on a card of the version that has it) finds Dana; the limit is said before submitting.
        assertThat(client.post(fake.text(pat, "customers")).statusCode()).isEqualTo(200);
        JsonNode pick = client.lastCard(pat.personalConversation());
        assertThat(pick.path("version").asString()).isEqualTo("1.6");
        assertThat(pick.path("body").findValuesAsString("id")).doesNotContain("people.people");
        JsonNode picker = MsTeamsTestClient.input(pick, "find.people");
        assertThat(picker.path("type").asString()).isEqualTo("Input.ChoiceSet");
        assertThat(picker.path("isMultiSelect").asBoolean()).isTrue();
        assertThat(picker.path("style").asString()).isEqualTo("filtered");
        assertThat(picker.path("choices")).isEmpty();
        assertThat(picker.path("choices.data").path("dataset").asString()).isEqualTo("handoff.people");
        assertThat(picker.path("label").asString()).contains("Up to 10 people");
        JsonNode pickSubmit = pick.path("actions").get(0).path("data");

        // Pat picks Dana in the search: the terms form for Dana comes back.
        client.post(fake.submit(pat, Map.of("form", pickSubmit.path("form").asString(),
                "state", pickSubmit.path("state").asString(), "find.people", danaId.value())));
        JsonNode terms = client.lastCard(pat.personalConversation());
        assertThat(BotFrameworkFake.texts(terms)).contains("**Dana Smith**");
        assertThat(MsTeamsTestClient.input(terms, "choice.often.0").path("placeholder").asString())
                .isEqualTo("Choose how often");
        assertThat(MsTeamsTestClient.input(terms, "choice.often.0").path("errorMessage").asString())
                .isEqualTo("Say how often you hand this over");
        JsonNode termsSubmit = terms.path("actions").get(0).path("data");

        // Pat says what they hand Dana (typed text with markdown in it).
        client.post(fake.submit(pat, Map.of("form", termsSubmit.path("form").asString(),
                "state", termsSubmit.path("state").asString(), "text.what.0", "*loaded* truck [in order](x)",
                "choice.often.0", "daily", "choice.critical.0", "critical")));

        PersonId patId = PersonId.of("pat@contoso.example");
        // saved after the answer, by a scheduler job
        Handoff claimed = await().atMost(Duration.ofSeconds(10)).until(() -> graph.handoff(tenant, patId, danaId),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(claimed.status()).isEqualTo(EdgeStatus.CLAIMED);
        assertThat(claimed.what()).isEqualTo("*loaded* truck [in order](x)");

        // Dana is asked proactively in her personal chat, with Pat's text as typed and never markup.
        await().atMost(Duration.ofSeconds(20)).until(() -> fake.sentTo(dana.personalConversation()).size() >= 2);
        JsonNode question = client.lastCard(dana.personalConversation());
        assertThat(BotFrameworkFake.texts(question)).contains("**Pat Okafor**")
                .contains("*loaded* truck [in order](x)").doesNotContain("\\");
        // the core shows what is handed over in bold: the whole typed text in one run, its asterisks kept as text
        assertThat(BotFrameworkFake.boldTexts(question)).contains("*loaded* truck [in order](x)");
        assertThat(question.toString()).doesNotContain("\"TextBlock\"");
        for (String conversation : List.of(pat.personalConversation(), dana.personalConversation())) {
            fake.sentTo(conversation).forEach(activity -> assertThat(AdaptiveCardRules.problems(
                    BotFrameworkFake.card(activity).toString())).as("card to %s", conversation).isEmpty());
        }
        Optional<JsonNode> confirm = MsTeamsTestClient.button(question, "survey.confirm");
        assertThat(confirm).isPresent();

        client.post(fake.submit(dana, Map.of("action", "survey.confirm", "value", confirm.get().path("value").asString())));

        Handoff confirmed = graph.handoff(tenant, patId, danaId).orElseThrow();
        assertThat(confirmed.status()).isEqualTo(EdgeStatus.CONFIRMED);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> // recorded after the turn
                assertThat(redis.hget("handoff:{" + tenant.value() + "}:platform-choice", danaId.value() + ":last"))
                        .as("messages go where the person answered last").isEqualTo("teams"));
    }

    @Test
    void aFormWithAMissingRequiredFieldComesBackWithTheErrorNextToIt() {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        BotFrameworkFake.TeamsUser dana = user("Dana Smith", "dana@contoso.example");
        client.post(fake.text(dana, "home"));
        client.post(fake.text(pat, "customers"));
        JsonNode pickSubmit = client.lastCard(pat.personalConversation()).path("actions").get(0).path("data");
        client.post(fake.submit(pat, Map.of("form", pickSubmit.path("form").asString(), "state", "",
                "people.people", "dana@contoso.example")));
        JsonNode termsSubmit = client.lastCard(pat.personalConversation()).path("actions").get(0).path("data");

        client.post(fake.submit(pat, Map.of("form", termsSubmit.path("form").asString(),
                "state", termsSubmit.path("state").asString(), "text.what.0", "",
                "choice.often.0", "weekly", "choice.critical.0", "routine")));

        JsonNode again = client.lastCard(pat.personalConversation());
        JsonNode body = again.path("body");
        int what = -1;
        for (int i = 0; i < body.size(); i++) {
            if ("text.what.0".equals(body.get(i).path("id").asString())) {
                what = i;
            }
        }
        assertThat(what).isPositive();
        JsonNode error = body.get(what + 1);
        assertThat(error.path("type").asString()).isEqualTo("RichTextBlock");
        assertThat(error.path("inlines").get(0).path("color").asString()).isEqualTo("attention");
        assertThat(error.path("inlines").get(0).path("text").asString())
                .isEqualTo("Say in a few words what you hand them.");
        assertThat(again.toString()).doesNotContain("Please fill in");
        assertThat(MsTeamsTestClient.input(again, "choice.often.0").path("value").asString()).isEqualTo("weekly");
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        assertThat(graph.handoff(tenant, PersonId.of("pat@contoso.example"), PersonId.of("dana@contoso.example")))
                .isEmpty();
    }

    @Test
    void aSlackUserConfirmedOnTeamsIsOneNodeWithOneConfirmedEdge() {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        BotFrameworkFake.TeamsUser sam = user("Sam Lee", "sam@contoso.example");
        client.post(fake.text(pat, "home"));
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        // Sam answers on Slack: a person with a Slack identity and the same (verified) email.
        PersonId samId = PersonId.of("sam-slack");
        graph.savePerson(tenant, new Person(samId, "Sam Lee", "sam@contoso.example", null, null,
                Map.of(Platform.SLACK, "U024BE7LH")));

        // Pat names Sam on Teams. Sam has never opened Handoff in Teams and no other platform reaches them.
        client.post(fake.text(pat, "customers"));
        JsonNode pickSubmit = client.lastCard(pat.personalConversation()).path("actions").get(0).path("data");
        client.post(fake.submit(pat, Map.of("form", pickSubmit.path("form").asString(), "state", "",
                "people.people", samId.value())));
        JsonNode termsSubmit = client.lastCard(pat.personalConversation()).path("actions").get(0).path("data");
        client.post(fake.submit(pat, Map.of("form", termsSubmit.path("form").asString(),
                "state", termsSubmit.path("state").asString(), "text.what.0", "sorted parcels",
                "choice.often.0", "daily", "choice.critical.0", "important")));

        // the answers are saved after the ack; then Pat hears that Sam could not be asked yet
        await().atMost(Duration.ofSeconds(20)).until(() -> fake.sentTo(pat.personalConversation()).stream()
                .map(a -> BotFrameworkFake.texts(BotFrameworkFake.card(a)))
                .anyMatch(text -> text.contains("**Sam Lee**") && text.contains("could not be asked now")));

        // Sam opens Handoff in Teams: the same person, now with both identities, sees the question and confirms.
        client.post(fake.text(sam, "home"));
        Person linked = graph.person(tenant, samId).orElseThrow();
        assertThat(linked.identities()).containsEntry(Platform.SLACK, "U024BE7LH")
                .containsEntry(Platform.TEAMS, sam.aadObjectId());
        assertThat(graph.graph(tenant).people().values()).filteredOn(p -> "sam@contoso.example".equals(p.email()))
                .hasSize(1);
        JsonNode home = client.lastCard(sam.personalConversation());
        JsonNode confirm = MsTeamsTestClient.button(home, "survey.confirm").orElseThrow();
        client.post(fake.submit(sam, Map.of("action", "survey.confirm", "value", confirm.path("value").asString())));

        assertThat(graph.handoff(tenant, PersonId.of("pat@contoso.example"), samId).orElseThrow().status())
                .isEqualTo(EdgeStatus.CONFIRMED);
        assertThat(graph.graph(tenant).edges()).hasSize(1);
    }

    @Test
    void myDataShowsBothLinkedIdentitiesAndForgetMeErasesTheTeamsConversation() {
        BotFrameworkFake.TeamsUser sam = user("Sam Lee", "sam@contoso.example");
        client.post(fake.text(sam, "home"));
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        PersonId samId = PersonId.of("sam@contoso.example");
        graph.savePerson(tenant, graph.person(tenant, samId).orElseThrow().withIdentity(Platform.SLACK, "U024BE7LH"));

        client.post(fake.text(sam, "my-data"));

        JsonNode myData = fake.sentTo(sam.personalConversation()).get(1);
        String text = BotFrameworkFake.texts(BotFrameworkFake.card(myData));
        assertThat(text).contains("Linked slack account: U024BE7LH")
                .contains("Linked teams account: " + sam.aadObjectId()).doesNotContain("\\")
                .contains("Microsoft Teams").contains("personal chat with Handoff");
        assertThat(myData.path("attachments").get(1).path("contentUrl").asString())
                .startsWith("data:application/json;base64,");

        String platformChoice = "handoff:{" + tenant.value() + "}:platform-choice";
        await().atMost(Duration.ofSeconds(10)).until(() -> "teams".equals(redis.hget(platformChoice,
                samId.value() + ":last"))); // recorded after the turn
        client.post(fake.text(sam, "forget-me"));
        JsonNode forget = MsTeamsTestClient.button(client.lastCard(sam.personalConversation()), "survey.forget.confirm")
                .orElseThrow();
        client.post(fake.submit(sam, Map.of("action", "survey.forget.confirm", "value", forget.path("value").asString())));

        assertThat(graph.person(tenant, samId)).isEmpty();
        // what the forget-me activities told about Sam is kept after their turns only if Sam is still there
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                !redis.exists(ConversationReferences.key(tenant, samId))
                        && redis.hget(platformChoice, samId.value() + ":last") == null);
    }

    @Test
    void retriesTheConnectorAfterA429() {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        String path = "/teams/v3/conversations/" + Pattern.quote(pat.personalConversation()) + "/activities.*";
        fake.server.stubFor(post(urlPathMatching(path)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("calm"));
        fake.server.stubFor(post(urlPathMatching(path)).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(okJson("{\"id\":\"sent-2\"}")));

        Instant start = Instant.now();
        assertThat(client.post(fake.text(pat, "help")).statusCode()).isEqualTo(200);

        assertThat(fake.sentTo(pat.personalConversation())).hasSize(2);
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }
}
