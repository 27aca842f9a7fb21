package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

import io.handoff.graph.Criticality;
import io.handoff.graph.EdgeCodec;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.Frequency;
import io.handoff.graph.Handoff;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Side;
import io.handoff.graph.TenantId;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19 item 8 on Teams, through JWT-signed activities: Confirm pressed on the question card (an Action.Submit
 * whose replyToId names the card) replaces that card through the connector's updateActivity with the answer and a
 * Change button; Change puts Confirm / Not really back on the same card, and Not really disputes the edge.
 */
class MsTeamsAnsweredQuestionTest extends MsTeamsAppTest {
    private static final String CARD = "1:question-card";

    @Test
    void confirmReplacesTheQuestionCardAndChangeAsksAgain() {
        BotFrameworkFake.TeamsUser dana = user("Dana Smith", "dana@contoso.example");
        assertThat(client.post(fake.text(dana, "home")).statusCode()).isEqualTo(200);
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        PersonId danaId = PersonId.of("dana@contoso.example");
        PersonId patId = PersonId.of("pat@contoso.example");
        graph.savePerson(tenant, new Person(patId, "Pat Okafor", "pat@contoso.example", null, null, Map.of()));
        Handoff claimed = graph.claim(tenant, patId, danaId, new HandoffTerms("loaded truck", Frequency.DAILY,
                Criticality.CRITICAL), Side.UPSTREAM, Instant.now().minusSeconds(60));
        int sentBefore = fake.sentTo(dana.personalConversation()).size();

        assertThat(client.post(fake.submitOn(CARD, dana, Map.of("action", "survey.confirm", "value", ref(claimed))))
                .statusCode()).isEqualTo(200);

        assertThat(graph.handoff(tenant, patId, danaId).orElseThrow().status()).isEqualTo(EdgeStatus.CONFIRMED);
        List<Map.Entry<String, JsonNode>> updates = fake.updatesTo(dana.personalConversation());
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).getKey()).isEqualTo(CARD);
        JsonNode answered = BotFrameworkFake.card(updates.get(0).getValue());
        assertThat(BotFrameworkFake.texts(answered)).contains("You confirmed you depend on **Pat Okafor**'s")
                .contains("loaded truck");
        assertThat(actions(answered)).containsExactly("survey.change");
        // replaced, not sent anew (Pat, who has no chat account here, is only said to be unreachable)
        assertThat(fake.sentTo(dana.personalConversation()).stream().skip(sentBefore).map(JsonNode::toString))
                .noneMatch(sent -> sent.contains("You confirmed"));

        JsonNode change = MsTeamsTestClient.button(answered, "survey.change").orElseThrow();
        client.post(fake.submitOn(CARD, dana, Map.of("action", "survey.change",
                "value", change.path("value").asString())));
        updates = fake.updatesTo(dana.personalConversation());
        assertThat(updates).hasSize(2);
        assertThat(updates.get(1).getKey()).isEqualTo(CARD);
        JsonNode asked = BotFrameworkFake.card(updates.get(1).getValue());
        assertThat(actions(asked)).containsExactly("survey.confirm", "survey.dispute");

        JsonNode notReally = MsTeamsTestClient.button(asked, "survey.dispute").orElseThrow();
        client.post(fake.submitOn(CARD, dana, Map.of("action", "survey.dispute",
                "value", notReally.path("value").asString())));
        JsonNode form = client.lastCard(dana.personalConversation());
        JsonNode submit = form.path("actions").get(0).path("data");
        // the form card names the question card it came from; its Action.Submit's replyToId is the form card
        assertThat(submit.path("origin").asString()).isEqualTo(CARD);
        client.post(fake.submitOn("1:form-card", dana, Map.of("form", submit.path("form").asString(),
                "state", submit.path("state").asString(), "origin", submit.path("origin").asString(),
                "text.reason", "I load it myself now")));
        assertThat(graph.handoff(tenant, patId, danaId).orElseThrow().status()).isEqualTo(EdgeStatus.DISPUTED);
        updates = fake.updatesTo(dana.personalConversation());
        assertThat(updates).hasSize(3);
        assertThat(updates.get(2).getKey()).as("the question card, not the form card").isEqualTo(CARD);
        JsonNode disputed = BotFrameworkFake.card(updates.get(2).getValue());
        assertThat(BotFrameworkFake.texts(disputed)).contains("You said this is not right").contains("loaded truck");
        assertThat(actions(disputed)).containsExactly("survey.change");
    }

    @Test
    void yesAndTheresMoreReplacesTheQuestionCardAndSendsTheSurvey() {
        BotFrameworkFake.TeamsUser dana = user("Dana Smith", "dana@contoso.example");
        assertThat(client.post(fake.text(dana, "home")).statusCode()).isEqualTo(200);
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        PersonId danaId = PersonId.of("dana@contoso.example");
        PersonId leeId = PersonId.of("lee@contoso.example");
        graph.savePerson(tenant, new Person(leeId, "Lee Chen", "lee@contoso.example", null, null, Map.of()));
        Handoff claimed = graph.claim(tenant, leeId, danaId, new HandoffTerms("route sheets", Frequency.DAILY,
                Criticality.IMPORTANT), Side.UPSTREAM, Instant.now().minusSeconds(60));

        client.post(fake.submitOn(CARD, dana, Map.of("action", "survey.more", "value", ref(claimed))));

        assertThat(graph.handoff(tenant, leeId, danaId).orElseThrow().status()).isEqualTo(EdgeStatus.CONFIRMED);
        List<Map.Entry<String, JsonNode>> updates = fake.updatesTo(dana.personalConversation());
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).getKey()).isEqualTo(CARD);
        JsonNode answered = BotFrameworkFake.card(updates.get(0).getValue());
        assertThat(BotFrameworkFake.texts(answered)).contains("You confirmed you depend on").contains("route sheets");
        assertThat(actions(answered)).containsExactly("survey.change");
        assertThat(fake.sentTo(dana.personalConversation()).stream().map(BotFrameworkFake::card)
                .map(card -> card.path("actions").path(0).path("data").path("form").asString()))
                .contains("survey.customers.pick");
    }

    /** A question card in a channel is replaced where it is, in the channel's conversation. */
    @Test
    void aCardInAChannelIsReplacedWhereItIs() {
        BotFrameworkFake.TeamsUser dana = user("Dana Smith", "dana@contoso.example");
        assertThat(client.post(fake.text(dana, "home")).statusCode()).isEqualTo(200);
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        PersonId danaId = PersonId.of("dana@contoso.example");
        PersonId kimId = PersonId.of("kim@contoso.example");
        graph.savePerson(tenant, new Person(kimId, "Kim Park", "kim@contoso.example", null, null, Map.of()));
        Handoff claimed = graph.claim(tenant, kimId, danaId, new HandoffTerms("cage labels", Frequency.DAILY,
                Criticality.IMPORTANT), Side.UPSTREAM, Instant.now().minusSeconds(60));
        String thread = "19:ops-thread";
        tools.jackson.databind.node.ObjectNode press = fake.activity("message", dana, thread, "channel");
        press.put("replyToId", "1700000000001");
        press.putObject("value").put("action", "survey.confirm").put("value", ref(claimed));
        ((tools.jackson.databind.node.ObjectNode) press.get("channelData")).putObject("channel")
                .put("id", "19:ops-channel@thread.tacv2");

        assertThat(client.post(press).statusCode()).isEqualTo(200);

        assertThat(graph.handoff(tenant, kimId, danaId).orElseThrow().status()).isEqualTo(EdgeStatus.CONFIRMED);
        List<Map.Entry<String, JsonNode>> updates = fake.updatesTo(thread);
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).getKey()).isEqualTo("1700000000001");
        assertThat(BotFrameworkFake.texts(BotFrameworkFake.card(updates.get(0).getValue())))
                .contains("You confirmed you depend on").contains("cage labels");
    }

    /** The action ids of a card's Action.Submit buttons, in order. */
    private static List<String> actions(JsonNode card) {
        List<String> ids = new ArrayList<>();
        card.path("body").forEach(element -> element.path("actions").forEach(action -> {
            if ("Action.Submit".equals(action.path("type").asString())) {
                ids.add(action.path("data").path("action").asString());
            }
        }));
        card.path("actions").forEach(action -> ids.add(action.path("data").path("action").asString()));
        return ids;
    }

    private static String ref(Handoff edge) {
        CRC32 crc = new CRC32();
        crc.update(EdgeCodec.encode(edge).getBytes(StandardCharsets.UTF_8));
        return edge.upstream().value() + ">" + edge.downstream().value() + ">" + Long.toHexString(crc.getValue());
    }
}
