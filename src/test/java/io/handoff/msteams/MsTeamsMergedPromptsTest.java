package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.handoff.chat.Action;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Heading;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Paragraph;
import io.handoff.delivery.MessageKind;
import io.handoff.delivery.Outbox;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19, pacing, on Teams: three prompts due for one person in one tick reach the connector (BotFrameworkFake) as
 * one card that keeps the card rules, with one heading and each prompt's own Action.Submit (its action id and value).
 */
class MsTeamsMergedPromptsTest extends MsTeamsAppTest {
    @Autowired
    Outbox outbox;

    @Test
    void threePromptsOfOneTickAreOneCardWithEachPromptsButtons() throws Exception {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        assertThat(client.post(fake.text(pat, "home")).statusCode()).isEqualTo(200);
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        PersonId patId = PersonId.of("pat@contoso.example");
        assertThat(graph.person(tenant, patId)).isPresent();
        Thread.sleep(500);
        int before = fake.sentTo(pat.personalConversation()).size();

        Instant now = Instant.now();
        outbox.enqueue(tenant, prompt(patId, "friction-poll:w:sam>pat", "How was what Sam hands you?",
                "friction.answer", "3"), "friction-poll:w:sam>pat", MessageKind.NUDGE, now.plusSeconds(2));
        outbox.enqueue(tenant, prompt(patId, "prompt:story:pat>dana:pat:w", "Walk Dana through your morning",
                "story.start", "dana"), "prompt:story:pat>dana:pat:w", MessageKind.NUDGE, now.plusSeconds(4));
        outbox.enqueue(tenant, prompt(patId, "survey-reminder:pat:1", "Who depends on your work?", "survey.start",
                "go"), "survey-reminder:pat:1", MessageKind.NUDGE, now.plusSeconds(6));

        await().atMost(Duration.ofSeconds(20)).until(() -> fake.sentTo(pat.personalConversation()).size() > before);
        Thread.sleep(6_000); // the later prompts' own jobs come due meanwhile and must send nothing more
        List<JsonNode> sent = fake.sentTo(pat.personalConversation());
        assertThat(sent).as("one connector call for three prompts").hasSize(before + 1);

        JsonNode card = BotFrameworkFake.card(sent.get(sent.size() - 1));
        assertThat(AdaptiveCardRules.problems(card.toString())).isEmpty();
        List<String> actions = new ArrayList<>();
        card.findValues("data").forEach(data -> actions.add(data.path("action").asString() + "="
                + data.path("value").asString()));
        assertThat(actions).containsExactly("friction.answer=3", "story.start=dana", "survey.start=go");
        assertThat(BotFrameworkFake.texts(card)).contains("Handoff has three things for you",
                "How was what Sam hands you?", "Walk Dana through your morning", "Who depends on your work?");
    }

    private static Notification prompt(PersonId to, String key, String text, String actionId, String value) {
        return new Notification(to, new Message(text, List.of(new Heading(text),
                Paragraph.of("Two minutes, when it suits you."),
                Buttons.of(Button.primary("Answer", new Action(actionId, value))))), key);
    }
}
