package io.handoff.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.handoff.slack.SlackTestSupport.interactive;
import static io.handoff.slack.SlackTestSupport.json;
import static io.handoff.slack.SlackTestSupport.okJson;
import static io.handoff.slack.SlackTestSupport.postSigned;
import static io.handoff.slack.SlackTestSupport.slashCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.handoff.graph.GraphStore;
import tools.jackson.databind.JsonNode;

/**
 * Many workspaces: a correctly signed request from a workspace Handoff is not installed in is answered 200 and tells
 * the person how to install it, whether or not its response_url works (Bolt's own answer posts there while the
 * request waits and ends in a 500 when that fails).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SlackNotInstalledTest {
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String INSTALL_URL = "https://handoff.acme.example/slack/install";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SlackTestSupport.registerSlackApp(registry, SLACK);
        registry.add("handoff.slack.client-id", () -> "1234.5678");
        registry.add("handoff.slack.client-secret", () -> "test-client-secret");
        registry.add("handoff.maps.public-url", () -> "https://handoff.acme.example/");
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    @Test
    void aSlashCommandIsAnsweredWithHowToInstallWhenItsResponseUrlAnswers500(CapturedOutput output) throws Exception {
        String team = SlackTestSupport.slackId('T');
        SLACK.stubFor(post(urlEqualTo("/hooks/" + team)).willReturn(aResponse().withStatus(500)
                .withBody("internal_error")));

        HttpResponse<String> answer = postSigned(port, command(team, wireMockUrl("/hooks/" + team)), FORM, Map.of());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertTellsHowToInstall(answer);
        assertThat(SLACK.findAll(postRequestedFor(urlEqualTo("/hooks/" + team)))).as("nothing posted there").isEmpty();
        assertThat(graph.tenantForSlack(null, team)).isEmpty();
        assertThat(output.getAll()).contains("A Command from Slack workspace " + team);
    }

    @Test
    void aSlashCommandIsAnsweredWithHowToInstallWhenItsResponseUrlIsUnreachable() throws Exception {
        String team = SlackTestSupport.slackId('T');

        HttpResponse<String> answer = postSigned(port, command(team, closedPortUrl()), FORM, Map.of());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertTellsHowToInstall(answer);
    }

    @Test
    void aButtonIsAcknowledgedAndTheMessageGoesToItsResponseUrlAfterwards() throws Exception {
        String team = SlackTestSupport.slackId('T');
        SLACK.stubFor(post(urlEqualTo("/actions/" + team)).willReturn(okJson("{\"ok\":true}")));

        HttpResponse<String> answer = postSigned(port, button(team, wireMockUrl("/actions/" + team)), FORM, Map.of());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("error").doesNotContain("Exception");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !SLACK.findAll(postRequestedFor(urlEqualTo("/actions/" + team))).isEmpty());
        LoggedRequest told = SLACK.findAll(postRequestedFor(urlEqualTo("/actions/" + team))).get(0);
        JsonNode message = json(told.getBodyAsString());
        assertThat(message.path("response_type").asString()).isEqualTo("ephemeral");
        assertThat(message.path("replace_original").asBoolean(true)).isFalse();
        assertThat(message.path("text").asString()).contains("not installed").contains("<" + INSTALL_URL + ">");
    }

    @Test
    void aButtonWhoseResponseUrlFailsOrIsUnreachableIsStillAcknowledged(CapturedOutput output) throws Exception {
        String team = SlackTestSupport.slackId('T');
        SLACK.stubFor(post(urlEqualTo("/actions/" + team)).willReturn(aResponse().withStatus(404)
                .withBody("no_service")));
        String unreachableTeam = SlackTestSupport.slackId('T');

        HttpResponse<String> failing = postSigned(port, button(team, wireMockUrl("/actions/" + team)), FORM, Map.of());
        HttpResponse<String> unreachable = postSigned(port, button(unreachableTeam, closedPortUrl()), FORM, Map.of());

        assertThat(failing.statusCode()).isEqualTo(200);
        assertThat(unreachable.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains(
                "Slack did not take the not-installed message for a BlockAction from workspace " + team + ": HTTP 404")
                && output.getAll().contains("Could not tell workspace " + unreachableTeam
                + " that Handoff is not installed"));
    }

    @Test
    void aSubmittedModalStaysOpenWithTheMessageUnderItsFirstInput() throws Exception {
        String team = SlackTestSupport.slackId('T');

        HttpResponse<String> answer = postSigned(port, interactive("""
                {"type":"view_submission","team":{"id":"%s","domain":"gone"},"user":{"id":"U0GONE","team_id":"%s"},
                 "api_app_id":"A0HANDOFF","trigger_id":"trig-view","view":{"id":"V0GONE","type":"modal",
                 "callback_id":"story","private_metadata":"","title":{"type":"plain_text","text":"Story"},
                 "blocks":[{"type":"section","block_id":"intro","text":{"type":"mrkdwn","text":"Tell it"}},
                  {"type":"input","block_id":"what","label":{"type":"plain_text","text":"What"},
                   "element":{"type":"plain_text_input","action_id":"v"}},
                  {"type":"input","block_id":"text","label":{"type":"plain_text","text":"Story"},
                   "element":{"type":"plain_text_input","action_id":"v"}}],
                 "state":{"values":{"what":{"v":{"type":"plain_text_input","value":"trucks"}},
                  "text":{"v":{"type":"plain_text_input","value":"a long story I typed"}}}}}}"""
                .formatted(team, team)), FORM, Map.of());

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = json(answer.body());
        assertThat(body.path("response_action").asString()).isEqualTo("errors");
        assertThat(body.path("errors").propertyNames()).containsExactly("what");
        assertThat(body.path("errors").path("what").asString()).contains("not installed").contains(INSTALL_URL)
                .doesNotContain("<");
    }

    private static void assertTellsHowToInstall(HttpResponse<String> answer) {
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("something went wrong");
        JsonNode body = json(answer.body());
        assertThat(body.path("response_type").asString()).isEqualTo("ephemeral");
        assertThat(body.path("text").asString())
                .isEqualTo("Handoff is not installed in this Slack workspace, so it cannot answer here yet. A workspace"
                        + " admin can install it at <" + INSTALL_URL + ">.");
    }

    /** {@code /handoff help} from {@code team} whose response_url is {@code responseUrl}. */
    private static String command(String team, String responseUrl) {
        return slashCommand(team, SlackTestSupport.slackId('U'), "help", "trig-" + team).replace(
                URLEncoder.encode("https://hooks.slack.invalid/commands/1", StandardCharsets.UTF_8),
                URLEncoder.encode(responseUrl, StandardCharsets.UTF_8));
    }

    private static String button(String team, String responseUrl) {
        return interactive("""
                {"type":"block_actions","api_app_id":"A0HANDOFF","team":{"id":"%s","domain":"gone"},
                 "user":{"id":"U0GONE","team_id":"%s"},"trigger_id":"trig-button","container":{"type":"message"},
                 "channel":{"id":"D0ANY"},"response_url":"%s","actions":[{"type":"button","block_id":"b1",
                 "action_id":"story.react|2","value":"s1:talk","action_ts":"1700000001.0001"}]}"""
                .formatted(team, team, responseUrl));
    }

    private static String wireMockUrl(String path) {
        return "http://localhost:" + SLACK.port() + path;
    }

    /** A URL on a port nothing listens on (connection refused). */
    private static String closedPortUrl() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return "http://127.0.0.1:" + port + "/hooks/unreachable";
    }
}
