package io.handoff.empathy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.chat.Actor;
import io.handoff.chat.Buttons;
import io.handoff.chat.ChatBot;
import io.handoff.chat.Interaction;
import io.handoff.chat.Outcome;
import io.handoff.chat.Reply;
import io.handoff.demo.SampleOrganisation;
import io.handoff.friction.FrictionMapScores;
import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.map.FrictionScores;
import io.handoff.privacy.PersonalData;
import io.handoff.scheduler.JobHandler;
import io.handoff.testing.TestAppProperties;
import io.handoff.testing.TestRedis;

/** Stories and friction polls as the application wires them: through the ChatBot, with my-data and the maps. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class EmpathyWiringTest {
    private static final TenantId TENANT = TestRedis.uniqueTenant();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedisWithAdminToken(registry);
    }

    @Autowired
    ChatBot bot;

    @Autowired
    GraphStore graph;

    @Autowired
    List<PersonalData> personalData;

    @Autowired
    FrictionScores frictionScores;

    @Autowired
    List<JobHandler> handlers;

    @Test
    void aStoryGoesFromTheStoryCommandThroughThePreviewToTheUpstreamAndShowsInMyData() {
        SampleOrganisation.load(graph, TENANT, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Actor dana = new Actor(TENANT, PersonId.of("dana"));

        // Dana has several suppliers: 'story' offers a picker, 'story pat' opens Pat's form
        var picker = ((Reply.Show) bot.handle(new Interaction.Command(dana, "story")).reply()).message();
        assertThat(picker.summary()).isEqualTo("Who would you like to tell a story to?");
        var first = picker.blocks().stream().filter(b -> b instanceof Buttons).map(b -> (Buttons) b)
                .flatMap(b -> b.buttons().stream()).findFirst().orElseThrow();
        assertThat(first.action().value()).isEqualTo("pat"); // critical and without a story: first in the rotation
        Outcome opened = bot.handle(new Interaction.Command(dana, "story pat"));
        var form = ((Reply.OpenForm) opened.reply()).form();
        assertThat(form.state()).isEqualTo("pat");
        Outcome preview = bot.handle(new Interaction.FormSubmitted(dana, form.id(), form.state(), Map.of(
                "text", List.of("When the truck is loaded in drop order I am out by seven."),
                "as", List.of("anonymous"))));
        var message = ((Reply.CloseForm) preview.reply()).message();
        var send = message.blocks().stream().filter(b -> b instanceof Buttons).map(b -> (Buttons) b)
                .flatMap(b -> b.buttons().stream()).filter(b -> b.action().id().equals("story.send"))
                .findFirst().orElseThrow().action();
        Outcome sent = bot.handle(new Interaction.ButtonPressed(dana, send));

        assertThat(preview.notifications()).isEmpty();
        assertThat(sent.notifications()).singleElement().satisfies(n -> {
            assertThat(n.to()).isEqualTo(PersonId.of("pat"));
            assertThat(n.message().toString()).doesNotContain("dana", "Dana", "Kowalski", "drivers");
        });
        String myData = bot.handle(new Interaction.Command(dana, "my-data")).reply().toString();
        assertThat(myData).contains("Your stories", "out by seven");
        assertThat(bot.home(dana).blocks().toString()).contains("Your stories");
        assertThat(bot.handle(new Interaction.Command(dana, "help")).reply().toString())
                .contains("story", "rate");
    }

    @Test
    void theStoresTakePartInMyDataAndTheMapsGetTheirFrictionFromThePolls() {
        assertThat(personalData).hasAtLeastOneElementOfType(StoryPersonalData.class)
                .hasAtLeastOneElementOfType(io.handoff.friction.FrictionPersonalData.class);
        assertThat(frictionScores).isInstanceOf(FrictionMapScores.class);
        assertThat(handlers).extracting(JobHandler::type).contains(EmpathyTick.TYPE);
    }
}
