package io.handoff.survey;

import static io.handoff.survey.SurveyFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.chat.Actor;
import io.handoff.chat.ChatBot;
import io.handoff.chat.Interaction;
import io.handoff.conversation.Conversation;
import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestAppProperties;
import io.handoff.testing.TestRedis;

/** The conversation as the application wires it: the ChatBot bean with the survey and every other feature. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ConversationWiringTest {
    private static final TenantId TENANT = TestRedis.uniqueTenant();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedisWithAdminToken(registry);
    }

    @Autowired
    ChatBot bot;

    @Autowired
    GraphStore graph;

    @Test
    void theChatBotIsTheConversationWithTheSurveyFirst() {
        SampleOrganisation.load(graph, TENANT, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Actor pat = new Actor(TENANT, PersonId.of("pat"));

        assertThat(bot).isInstanceOf(Conversation.class);
        String help = text(SurveyFixture.shown(bot.handle(new Interaction.Command(pat, "help"))));
        assertThat(help).contains("customers — ").contains("map [@person | team <name> | org | journey <name>]").contains("forget-me — ");
        // the pre-loader learns that the driver is his internal customer
        assertThat(text(bot.home(pat).blocks())).contains("""
                # Waiting for your answer
                Dana Kowalski from Delivery drivers counts on your truck loaded in delivery order, daily.
                Dana says it shapes their whole day: if it goes wrong, their day is lost.
                Did you know Dana depends on you?""");
    }
}
