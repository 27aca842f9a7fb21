package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.handoff.chat.Notification;
import io.handoff.friction.FrictionService;
import io.handoff.graph.Criticality;
import io.handoff.graph.Frequency;
import io.handoff.graph.Handoff;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.PersonId;
import io.handoff.graph.Side;
import io.handoff.graph.TenantId;
import tools.jackson.databind.JsonNode;

/**
 * The friction poll over Teams: one compact choice and a Send button that fit a phone (not five clipped buttons),
 * the supplier named in full with what they hand over, and the chosen score recorded as a button's would be.
 */
class MsTeamsFrictionPollTest extends MsTeamsAppTest {
    @Autowired
    FrictionService friction;

    @Autowired
    MsTeamsSender sender;

    @Test
    void thePollIsACompactChoiceNamingTheSupplierInFullAndTheChosenScoreIsRecorded() {
        BotFrameworkFake.TeamsUser sam = user("Sam Okafor", "sam@contoso.example");
        BotFrameworkFake.TeamsUser dana = user("Dana Smith", "dana@contoso.example");
        client.post(fake.text(sam, "home"));
        client.post(fake.text(dana, "home"));
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        PersonId samId = PersonId.of("sam@contoso.example");
        PersonId danaId = PersonId.of("dana@contoso.example");
        Instant now = Instant.now();
        graph.update(tenant, samId, danaId, current -> Optional.of(Handoff.claimed(samId, danaId,
                new HandoffTerms("route plan", Frequency.DAILY, Criticality.IMPORTANT), Side.UPSTREAM, now)
                .confirmedBy(Side.DOWNSTREAM, now)));
        List<Notification> polls = friction.polls(tenant, danaId);
        assertThat(polls).hasSize(1);
        int before = fake.sentTo(dana.personalConversation()).size();

        sender.send(tenant, graph.person(tenant, danaId).orElseThrow(), polls.get(0).message());

        await().atMost(Duration.ofSeconds(10)).until(() -> fake.sentTo(dana.personalConversation()).size() > before);
        JsonNode card = client.lastCard(dana.personalConversation());
        assertThat(BotFrameworkFake.texts(card)).contains("How well did Sam Okafor's **route plan** serve you");
        JsonNode score = MsTeamsTestClient.input(card, "value");
        assertThat(score.path("type").asString()).isEqualTo("Input.ChoiceSet");
        assertThat(score.path("style").asString()).isEqualTo("compact");
        assertThat(score.path("choices")).hasSize(5);
        card.path("body").forEach(element -> assertThat(element.path("actions").size()).isLessThanOrEqualTo(2));
        assertThat(AdaptiveCardRules.problems(card.toString())).isEmpty();

        // Send: Teams merges the chosen value into the action's data, as {action, value}
        String four = score.path("choices").get(3).path("value").asString();
        client.post(fake.submit(dana, Map.of("action", "friction.rate", "value", four)));

        assertThat(friction.store().answer(tenant, friction.currentPeriod(tenant), samId, danaId))
                .hasValueSatisfying(answer -> assertThat(answer.score()).isEqualTo(4));
        assertThat(BotFrameworkFake.texts(client.lastCard(dana.personalConversation())))
                .contains("Thanks: 4 for Sam Okafor's route plan.");
    }
}
