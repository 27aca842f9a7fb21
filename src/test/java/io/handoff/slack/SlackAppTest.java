package io.handoff.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.handoff.slack.SlackTestSupport.SECRET;
import static io.handoff.slack.SlackTestSupport.calls;
import static io.handoff.slack.SlackTestSupport.interactive;
import static io.handoff.slack.SlackTestSupport.json;
import static io.handoff.slack.SlackTestSupport.postSigned;
import static io.handoff.slack.SlackTestSupport.postWith;
import static io.handoff.slack.SlackTestSupport.postsTo;
import static io.handoff.slack.SlackTestSupport.slashCommand;
import static io.handoff.slack.SlackTestSupport.stubUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.app_backend.SlackSignature;

import io.handoff.graph.EdgeStatus;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;
import io.handoff.settings.TenantSettingsStore;
import io.handoff.testing.AroundTheClock;
import io.handoff.testing.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The Slack adapter in one workspace (SLACK_BOT_TOKEN + SLACK_SIGNING_SECRET), driven only through signed HTTP
 * requests, against a WireMock Slack Web API and the real Redis test server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackAppTest {
    private static final String TEAM = SlackTestSupport.slackId('T');
    private static final TenantId TENANT = TenantId.of("slack-" + TEAM.toLowerCase(Locale.ROOT));
    private static final String PAT = SlackTestSupport.slackId('U');
    private static final String DANA = SlackTestSupport.slackId('U');
    private static final String HANA = SlackTestSupport.slackId('U');
    private static final String FORM = "application/x-www-form-urlencoded";
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();

    static {
        // Bolt checks a single workspace's bot token with auth.test when the app starts
        SlackTestSupport.stubBotWorkspace(SLACK, TEAM, "Acme Parcels");
        SlackTestSupport.stubMessaging(SLACK);
        stubUser(SLACK, PAT, TEAM, "Pat Okafor", "pat@" + TEAM.toLowerCase(Locale.ROOT) + ".example");
        stubUser(SLACK, DANA, TEAM, "Dana Kowalski", "dana@" + TEAM.toLowerCase(Locale.ROOT) + ".example");
        stubUser(SLACK, HANA, TEAM, "Hana Sato", "hana@" + TEAM.toLowerCase(Locale.ROOT) + ".example");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SlackTestSupport.registerSingleWorkspace(registry, SLACK, "xoxb-test-single-workspace");
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TenantSettingsStore settings;

    @BeforeEach
    void messagesGoOutWhateverTheHour() {
        AroundTheClock.workAroundTheClock(settings, TENANT);
    }

    @Test
    void refusesAWrongSignatureAndAnOldTimestampWith401() throws Exception {
        String body = slashCommand(TEAM, PAT, "help", "trig-x");
        String now = Long.toString(Instant.now().getEpochSecond());
        String old = Long.toString(Instant.now().minusSeconds(6 * 60).getEpochSecond());

        HttpResponse<String> wrongSecret = postWith(port, body, FORM, now,
                new SlackSignature.Generator("not-the-secret").generate(now, body), Map.of());
        HttpResponse<String> tampered = postWith(port, body + "&x=1", FORM, now,
                new SlackSignature.Generator(SECRET).generate(now, body), Map.of());
        HttpResponse<String> tooOld = postWith(port, body, FORM, old,
                new SlackSignature.Generator(SECRET).generate(old, body), Map.of());
        HttpResponse<String> unsigned = postWith(port, body, FORM, null, null, Map.of());

        for (HttpResponse<String> response : List.of(wrongSecret, tampered, tooOld, unsigned)) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"error\":\"invalid signature\"}");
        }
        assertThat(calls(SLACK, "views.open")).noneMatch(call -> "trig-x".equals(call.get("trigger_id")));
        assertThat(meters.counter("handoff.slack.requests", "result", "invalid_signature").count())
                .isGreaterThanOrEqualTo(4);
        // the route is named in http.server.requests, as a controller's mapping would be (not UNKNOWN)
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(meters.find("http.server.requests")
                .tags("uri", "/slack/events", "status", "401").timer()).isNotNull()
                .satisfies(timer -> assertThat(timer.count()).isGreaterThanOrEqualTo(4)));
        assertThat(meters.get("handoff.acknowledgements").tags("platform", "slack", "result", "refused").timer()
                .count()).as("refusals are timed as acknowledgements too").isGreaterThanOrEqualTo(4);
    }

    @Test
    void answersAMalformedBodyWith400AndNeverA500() throws Exception {
        for (String body : List.of("payload=%7Bthis+is+not+json", "hello slack", "{\"type\":\"event_callback\"}",
                "payload=%7B%22type%22%3A%22view_submission%22%7D%25%25%25")) {
            HttpResponse<String> response = postSigned(port, body, body.startsWith("{") ? "application/json" : FORM,
                    Map.of());
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).doesNotContain("Exception").doesNotContain("at io.");
        }
    }

    @Test
    void answersAnUnknownCommandWithTheHelpText() throws Exception {
        HttpResponse<String> response = postSigned(port, slashCommand(TEAM, HANA, "frobnicate <!here>", "trig-h"), FORM,
                Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode reply = json(response.body());
        assertThat(reply.get("response_type").asString()).isEqualTo("ephemeral");
        assertThat(reply.get("text").asString()).isEqualTo("I don't know that command yet");
        String blocks = reply.get("blocks").toString();
        assertThat(blocks).contains("I don't know *frobnicate*").contains("customers");
        Optional<PersonId> hana = graph.personByIdentity(TENANT, Platform.SLACK, HANA);
        assertThat(hana).isPresent();
        Person created = graph.person(TENANT, hana.get()).orElseThrow();
        assertThat(created.displayName()).isEqualTo("Hana Sato");
        assertThat(created.timeZone().getId()).isEqualTo("Europe/London");
        assertThat(graph.tenant(TENANT).orElseThrow().slackTeamId()).isEqualTo(TEAM);
    }

    @Test
    void runsTheWholeSurveyThroughSlackAndDeliversConfirmationsToTheRightPeople() throws Exception {
        // 1. /handoff customers opens the first step as a modal, with the trigger id of the command
        HttpResponse<String> command = postSigned(port, slashCommand(TEAM, PAT, "customers", "trig-survey-1"), FORM,
                Map.of());
        assertThat(command.statusCode()).isEqualTo(200);
        Map<String, String> opened = calls(SLACK, "views.open").stream()
                .filter(call -> "trig-survey-1".equals(call.get("trigger_id"))).findFirst().orElseThrow();
        JsonNode modal = json(opened.get("view"));
        assertThat(modal.get("type").asString()).isEqualTo("modal");
        assertThat(modal.get("callback_id").asString()).isEqualTo("survey.customers.pick");
        JsonNode picker = block(modal, "people");
        assertThat(picker.get("type").asString()).isEqualTo("input");
        assertThat(picker.get("element").get("type").asString()).isEqualTo("multi_users_select");

        // 2. Pat picks Dana: the modal is updated in place with the terms step
        HttpResponse<String> picked = postSigned(port, interactive(submission("survey.customers.pick", "",
                "{\"people\":{\"people\":{\"type\":\"multi_users_select\",\"selected_users\":[\"" + DANA + "\"]}}}")),
                FORM, Map.of());
        assertThat(picked.statusCode()).isEqualTo(200);
        JsonNode update = json(picked.body());
        assertThat(update.get("response_action").asString()).isEqualTo("update");
        JsonNode terms = update.get("view");
        assertThat(terms.get("callback_id").asString()).isEqualTo("survey.customers.terms");
        assertThat(block(terms, "what.0").get("element").get("type").asString()).isEqualTo("plain_text_input");
        assertThat(block(terms, "often.0").get("element").get("type").asString()).isEqualTo("static_select");

        // 3. a blank answer is refused next to the field (block id = field id)
        HttpResponse<String> blank = postSigned(port, interactive(submission("survey.customers.terms",
                terms.get("private_metadata").asString(), termsValues("   "))), FORM, Map.of());
        JsonNode errors = json(blank.body());
        assertThat(errors.get("response_action").asString()).isEqualTo("errors");
        assertThat(errors.get("errors").has("what.0")).isTrue();

        // 4. the terms, with text that must not ping anyone or format anything when Dana reads it
        String typed = "<!channel> *bold* parcels";
        HttpResponse<String> answered = postSigned(port, interactive(submission("survey.customers.terms",
                terms.get("private_metadata").asString(), termsValues(typed))), FORM, Map.of());
        JsonNode next = json(answered.body());
        assertThat(next.get("response_action").asString()).isEqualTo("update");
        assertThat(next.get("view").get("callback_id").asString()).isEqualTo("survey.suppliers.pick");

        PersonId pat = graph.personByIdentity(TENANT, Platform.SLACK, PAT).orElseThrow();
        PersonId dana = graph.personByIdentity(TENANT, Platform.SLACK, DANA).orElseThrow();
        // saved after the ack, by a scheduler job
        Handoff claimed = await().atMost(Duration.ofSeconds(10)).until(() -> graph.handoff(TENANT, pat, dana),
                Optional::isPresent).orElseThrow();
        assertThat(claimed.status()).isEqualTo(EdgeStatus.CLAIMED);
        assertThat(claimed.what()).isEqualTo(typed);

        // 5. Dana is asked to confirm, in her DM, after the ack
        Map<String, String> question = await().atMost(Duration.ofSeconds(10))
                .until(() -> postsTo(SLACK, DANA), posts -> !posts.isEmpty()).get(0);
        assertThat(json(question.get("blocks")).toString()).contains("&lt;!channel&gt;").contains("\u2217bold\u2217")
                .doesNotContain("<!channel>").doesNotContain("*bold*");
        assertThat(question.get("text")).doesNotContain("<!channel>");
        String confirmValue = buttonValue(json(question.get("blocks")), "survey.confirm");

        // 6. no suppliers: the modal closes and Pat gets the summary in a DM; the survey counts as completed
        double completed = meters.get("handoff.survey.completions").counter().count();
        HttpResponse<String> done = postSigned(port, interactive(submission("survey.suppliers.pick", "",
                "{\"people\":{\"people\":{\"type\":\"multi_users_select\",\"selected_users\":[]}}}")), FORM, Map.of());
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> postsTo(SLACK, PAT).stream()
                .anyMatch(post -> post.get("text").startsWith("Thanks, Pat!")));
        assertThat(meters.get("handoff.survey.completions").counter().count()).isEqualTo(completed + 1);

        // 7. Dana presses Confirm: the edge is confirmed and Pat hears about it
        HttpResponse<String> pressed = postSigned(port, interactive("""
                {"type":"block_actions","api_app_id":"A0HANDOFF","team":{"id":"%s","domain":"acme"},
                 "user":{"id":"%s","team_id":"%s"},"trigger_id":"trig-confirm","container":{"type":"message"},
                 "channel":{"id":"D0DANA"},"actions":[{"type":"button","block_id":"b1","action_id":"survey.confirm|0",
                 "value":%s,"action_ts":"1700000001.0001"}]}"""
                .formatted(TEAM, DANA, TEAM, SlackTestSupport.JSON.writeValueAsString(confirmValue))), FORM, Map.of());
        assertThat(pressed.statusCode()).isEqualTo(200);
        assertThat(graph.handoff(TENANT, pat, dana).orElseThrow().status()).isEqualTo(EdgeStatus.CONFIRMED);
        await().atMost(Duration.ofSeconds(10)).until(() -> postsTo(SLACK, PAT).stream()
                .anyMatch(post -> post.get("text").startsWith("Dana Kowalski confirmed")));
    }

    @Test
    void offersAButtonToOpenAFormAskedForInADirectMessage() throws Exception {
        String channel = SlackTestSupport.slackId('D');
        String event = """
                {"token":"x","team_id":"%s","api_app_id":"A0HANDOFF","type":"event_callback","event_id":"Ev%s",
                 "event_time":1700000000,"event":{"type":"message","channel_type":"im","channel":"%s","user":"%s",
                 "text":"customers","ts":"1700000000.000500","event_ts":"1700000000.000500"}}"""
                .formatted(TEAM, SlackTestSupport.slackId('O'), channel, HANA);

        assertThat(postSigned(port, event, "application/json", Map.of()).statusCode()).isEqualTo(200);
        Map<String, String> prompt = await().atMost(Duration.ofSeconds(10))
                .until(() -> postsTo(SLACK, channel), posts -> !posts.isEmpty()).get(0);
        JsonNode button = json(prompt.get("blocks")).get(1).get("elements").get(0);
        assertThat(button.get("action_id").asString()).isEqualTo("slack-open|0");
        assertThat(button.get("value").asString()).isEqualTo("customers");

        HttpResponse<String> pressed = postSigned(port, interactive("""
                {"type":"block_actions","api_app_id":"A0HANDOFF","team":{"id":"%s"},"user":{"id":"%s","team_id":"%s"},
                 "trigger_id":"trig-from-dm","container":{"type":"message"},"channel":{"id":"%s"},
                 "actions":[{"type":"button","block_id":"b","action_id":"slack-open|0","value":"customers"}]}"""
                .formatted(TEAM, HANA, TEAM, channel)), FORM, Map.of());

        assertThat(pressed.statusCode()).isEqualTo(200);
        Map<String, String> opened = calls(SLACK, "views.open").stream()
                .filter(call -> "trig-from-dm".equals(call.get("trigger_id"))).findFirst().orElseThrow();
        assertThat(json(opened.get("view")).get("callback_id").asString()).isEqualTo("survey.customers.pick");
    }

    @Test
    void appliesAnEventOnceWhenSlackRedeliversIt() throws Exception {
        // the workspace exists after any first request
        long handled = meters.get("handoff.acknowledgements").tags("platform", "slack", "result", "handled").timer()
                .count();
        postSigned(port, slashCommand(TEAM, HANA, "help", "trig-d"), FORM, Map.of());
        assertThat(meters.get("handoff.acknowledgements").tags("platform", "slack", "result", "handled").timer()
                .count()).as("each answered request is timed").isGreaterThan(handled);
        String eventId = "Ev" + SlackTestSupport.slackId('D');
        String channel = SlackTestSupport.slackId('D');
        String event = """
                {"token":"x","team_id":"%s","api_app_id":"A0HANDOFF","type":"event_callback","event_id":"%s",
                 "event_time":1700000000,"event":{"type":"message","channel_type":"im","channel":"%s","user":"%s",
                 "text":"help","ts":"1700000000.000200","event_ts":"1700000000.000200"}}"""
                .formatted(TEAM, eventId, channel, HANA);

        HttpResponse<String> first = postSigned(port, event, "application/json", Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> postsTo(SLACK, channel).size() == 1);
        HttpResponse<String> retry = postSigned(port, event, "application/json",
                Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
        HttpResponse<String> again = postSigned(port, event, "application/json",
                Map.of("X-Slack-Retry-Num", "2", "X-Slack-Retry-Reason", "http_timeout"));
        Thread.sleep(500);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(postsTo(SLACK, channel)).hasSize(1);
        assertThat(postsTo(SLACK, channel).get(0).get("text")).isEqualTo("What I can do");
        assertThat(TestRedis.client().exists("handoff:{" + TENANT + "}:slack-event:" + eventId)).isTrue();
    }

    @Test
    void retriesARateLimitedCallAfterSlacksRetryAfter() throws Exception {
        postSigned(port, slashCommand(TEAM, HANA, "help", "trig-r"), FORM, Map.of());
        SLACK.stubFor(post(urlEqualTo("/api/views.publish")).withRequestBody(containing("user_id=" + HANA))
                .inScenario("rate limit").whenScenarioStateIs(STARTED).willSetStateTo("limited")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json").withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));
        SLACK.stubFor(post(urlEqualTo("/api/views.publish")).withRequestBody(containing("user_id=" + HANA))
                .inScenario("rate limit").whenScenarioStateIs("limited")
                .willReturn(SlackTestSupport.okJson("{\"ok\":true,\"view\":{\"id\":\"V0HOME\"}}")));
        String event = """
                {"token":"x","team_id":"%s","api_app_id":"A0HANDOFF","type":"event_callback","event_id":"Ev%s",
                 "event_time":1700000000,"event":{"type":"app_home_opened","user":"%s","channel":"D0HOME","tab":"home",
                 "event_ts":"1700000000.000300"}}""".formatted(TEAM, SlackTestSupport.slackId('H'), HANA);

        HttpResponse<String> response = postSigned(port, event, "application/json", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        List<LoggedRequest> publishes = await().atMost(Duration.ofSeconds(10)).until(() -> SLACK.findAll(
                postRequestedFor(urlEqualTo("/api/views.publish")).withRequestBody(containing("user_id=" + HANA))),
                found -> found.size() == 2);
        long gap = publishes.get(1).getLoggedDate().getTime() - publishes.get(0).getLoggedDate().getTime();
        assertThat(gap).isGreaterThanOrEqualTo(950);
        JsonNode home = json(SlackTestSupport.params(publishes.get(1)).get("view"));
        assertThat(home.get("type").asString()).isEqualTo("home");
        assertThat(home.get("blocks").size()).isBetween(1, 100);
    }

    private static String submission(String callbackId, String privateMetadata, String values) {
        return """
                {"type":"view_submission","api_app_id":"A0HANDOFF","team":{"id":"%s","domain":"acme"},
                 "user":{"id":"%s","team_id":"%s"},"trigger_id":"trig-view",
                 "view":{"id":"V0MODAL","team_id":"%s","type":"modal","callback_id":"%s","private_metadata":%s,
                  "blocks":[],"state":{"values":%s}}}"""
                .formatted(TEAM, PAT, TEAM, TEAM, callbackId, SlackTestSupport.JSON.writeValueAsString(privateMetadata),
                        values);
    }

    private static String termsValues(String what) {
        return """
                {"what.0":{"what.0":{"type":"plain_text_input","value":%s}},
                 "often.0":{"often.0":{"type":"static_select","selected_option":{"value":"daily","text":{"type":"plain_text","text":"Daily"}}}},
                 "critical.0":{"critical.0":{"type":"static_select","selected_option":{"value":"critical","text":{"type":"plain_text","text":"Yes"}}}}}"""
                .formatted(SlackTestSupport.JSON.writeValueAsString(what));
    }

    private static JsonNode block(JsonNode view, String blockId) {
        for (JsonNode block : view.get("blocks")) {
            if (block.has("block_id") && block.get("block_id").asString().equals(blockId)) {
                return block;
            }
        }
        throw new AssertionError("no block " + blockId + " in " + view);
    }

    private static String buttonValue(JsonNode blocks, String action) {
        for (JsonNode block : blocks) {
            if (block.has("elements")) {
                for (JsonNode element : block.get("elements")) {
                    if (element.has("action_id") && element.get("action_id").asString().startsWith(action + "|")) {
                        return element.get("value").asString();
                    }
                }
            }
        }
        throw new AssertionError("no button " + action + " in " + blocks);
    }
}
