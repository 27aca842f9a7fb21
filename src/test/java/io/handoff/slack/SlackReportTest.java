package io.handoff.slack;

import static io.handoff.slack.SlackTestSupport.interactive;
import static io.handoff.slack.SlackTestSupport.json;
import static io.handoff.slack.SlackTestSupport.postSigned;
import static io.handoff.slack.SlackTestSupport.postsTo;
import static io.handoff.slack.SlackTestSupport.slashCommand;
import static io.handoff.slack.SlackTestSupport.stubUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.settings.TenantSettingsStore;
import io.handoff.testing.AroundTheClock;
import tools.jackson.databind.JsonNode;

/**
 * {@code /handoff report} through a signed Slack request on the demo depot: Lee gets the report as Block Kit (the three
 * handoffs, blocking defined, who named whom, next steps as buttons); pressing "Ask Noor to confirm" (a signed
 * block_actions) sends Noor the survey's own question in a DM through the WireMock Slack API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackReportTest {
    private static final String TEAM = SlackTestSupport.slackId('T');
    private static final TenantId TENANT = TenantId.of("slack-" + TEAM.toLowerCase(Locale.ROOT));
    private static final String LEE = SlackTestSupport.slackId('U');
    private static final String NOOR = SlackTestSupport.slackId('U');
    private static final String FORM = "application/x-www-form-urlencoded";
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();

    static {
        SlackTestSupport.stubBotWorkspace(SLACK, TEAM, "Northside depot");
        SlackTestSupport.stubMessaging(SLACK);
        stubUser(SLACK, LEE, TEAM, "Lee Marsh", "lee@" + TEAM.toLowerCase(Locale.ROOT) + ".example");
        stubUser(SLACK, NOOR, TEAM, "Noor Haddad", "noor@" + TEAM.toLowerCase(Locale.ROOT) + ".example");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SlackTestSupport.registerSingleWorkspace(registry, SLACK, "xoxb-test-report");
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    @Autowired
    TenantSettingsStore settings;

    @BeforeEach
    void theDemoDepotIsTheWorkspacesOrganisation() {
        Instant now = Instant.now();
        SampleOrganisation.load(graph, TENANT, now);
        graph.saveTenant(new Tenant(TENANT, "Northside depot", null, TEAM, null, now));
        AroundTheClock.workAroundTheClock(settings, TENANT); // the test must not wait for Noor's working hours
        for (Map.Entry<String, String> slack : Map.of("lee", LEE, "noor", NOOR).entrySet()) {
            Person person = graph.person(TENANT, PersonId.of(slack.getKey())).orElseThrow();
            graph.savePerson(TENANT, person.withIdentity(Platform.SLACK, slack.getValue()));
        }
    }

    @Test
    void aManagersReportIsBlockKitWithNextStepButtonsThatStartTheSurveysQuestion() throws Exception {
        JsonNode reply = SlackTestSupport.commandAnswer(port, SLACK, TEAM, LEE, "report", "trig-r");
        assertThat(reply.get("response_type").asString()).isEqualTo("ephemeral");
        JsonNode blocks = reply.get("blocks");
        assertThat(blocks.get(0).get("type").asString()).isEqualTo("header");
        assertThat(blocks.get(0).get("text").get("text").asString())
                .isEqualTo("Handoff report for Pre-load (night shift)");
        String all = blocks.toString();
        assertThat(all).contains("*The three handoffs that need attention most (into and out of your team):*",
                "1. Noor Haddad → you: parcels sorted by route (critical, named by you only)",
                "• You say you count on Noor Haddad's parcels sorted by route; Noor has not named you yet",
                "*Next steps:*", "Ask Noor Haddad to confirm or dispute your “parcels sorted by route”",
                "Open the map");
        assertThat(all).doesNotContain("preload", "\\\\");
        List<JsonNode> buttons = new ArrayList<>();
        blocks.forEach(block -> {
            if ("actions".equals(block.get("type").asString())) {
                block.get("elements").forEach(buttons::add);
            }
        });
        JsonNode ask = buttons.stream().filter(b -> b.get("text").get("text").asString().equals("Ask Noor to confirm"))
                .findFirst().orElseThrow();
        assertThat(ask.get("action_id").asString()).startsWith("map.next");
        assertThat(ask.get("value").asString()).isEqualTo("settle:noor>lee");

        HttpResponse<String> pressed = postSigned(port, interactive("""
                {"type":"block_actions","api_app_id":"A0HANDOFF","team":{"id":"%s"},"user":{"id":"%s","team_id":"%s"},
                 "trigger_id":"trig-settle","container":{"type":"message"},"channel":{"id":"D0LEE"},
                 "actions":[{"type":"button","block_id":"b","action_id":%s,"value":"settle:noor>lee"}]}"""
                .formatted(TEAM, LEE, TEAM, SlackTestSupport.JSON.writeValueAsString(
                        ask.get("action_id").asString()))), FORM, Map.of());

        assertThat(pressed.statusCode()).isEqualTo(200);
        Map<String, String> question = await().atMost(Duration.ofSeconds(10)).until(() -> postsTo(SLACK, NOOR),
                posts -> !posts.isEmpty()).get(0);
        assertThat(question.get("text")).isEqualTo("Lee Marsh depends on your parcels sorted by route. Did you know?");
        assertThat(question.get("blocks")).contains("survey.confirm", "Confirm", "Not really");
    }
}
