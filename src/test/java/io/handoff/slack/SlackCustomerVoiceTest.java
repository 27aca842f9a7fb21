package io.handoff.slack;

import static io.handoff.slack.SlackTestSupport.calls;
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

import io.handoff.demo.SampleJourneys;
import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.journey.Journeys;
import io.handoff.settings.TenantSettingsStore;
import io.handoff.testing.AroundTheClock;
import io.handoff.testing.TestRedis;
import tools.jackson.databind.JsonNode;

/**
 * The customer's voice travels upstream through signed Slack requests, on the demo depot installed as a workspace:
 * Dana (front line of Parcel delivered) types {@code /handoff voice parcel delivered}, pastes a customer's words with
 * a phone number, an email, a date, an order number and text that would ping or format; the preview in her DM shows
 * them masked and escaped; Send delivers the same to Pat and Mia (her suppliers) with the stories' reactions; Pat's
 * "I didn't know this" comes back to Dana. Nothing unmasked is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackCustomerVoiceTest {
    private static final String TEAM = SlackTestSupport.slackId('T');
    private static final TenantId TENANT = TenantId.of("slack-" + TEAM.toLowerCase(Locale.ROOT));
    private static final String DANA = SlackTestSupport.slackId('U');
    private static final String PAT = SlackTestSupport.slackId('U');
    private static final String MIA = SlackTestSupport.slackId('U');
    private static final String FORM = "application/x-www-form-urlencoded";
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();

    static {
        SlackTestSupport.stubBotWorkspace(SLACK, TEAM, "Northside depot");
        SlackTestSupport.stubMessaging(SLACK);
        String domain = TEAM.toLowerCase(Locale.ROOT) + ".example";
        stubUser(SLACK, DANA, TEAM, "Dana Kowalski", "dana@" + domain);
        stubUser(SLACK, PAT, TEAM, "Pat Okafor", "pat@" + domain);
        stubUser(SLACK, MIA, TEAM, "Mia Laurent", "mia@" + domain);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SlackTestSupport.registerSingleWorkspace(registry, SLACK, "xoxb-test-voice");
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    @Autowired
    Journeys journeys;

    @Autowired
    TenantSettingsStore settings;

    @BeforeEach
    void theDemoDepotIsTheWorkspacesOrganisation() {
        Instant now = Instant.now();
        SampleOrganisation.load(graph, TENANT, now);
        graph.saveTenant(new Tenant(TENANT, "Northside depot", null, TEAM, null, now));
        SampleJourneys.load(journeys, TENANT, now);
        AroundTheClock.workAroundTheClock(settings, TENANT);
        for (Map.Entry<String, String> slack : Map.of("dana", DANA, "pat", PAT, "mia", MIA).entrySet()) {
            Person person = graph.person(TENANT, PersonId.of(slack.getKey())).orElseThrow();
            graph.savePerson(TENANT, person.withIdentity(Platform.SLACK, slack.getValue()));
        }
    }

    @Test
    void danaPassesACustomersWordsToPatAndMiaMaskedEscapedAndPreviewedAndPatReacts() throws Exception {
        // 1. the command opens the form for the one touchpoint she named
        assertThat(postSigned(port, slashCommand(TEAM, DANA, "voice parcel delivered", "trig-voice"), FORM, Map.of())
                .statusCode()).isEqualTo(200);
        JsonNode modal = json(calls(SLACK, "views.open").stream()
                .filter(call -> "trig-voice".equals(call.get("trigger_id"))).findFirst().orElseThrow().get("view"));
        assertThat(modal.get("callback_id").asString()).isEqualTo("voice.form");
        assertThat(modal.toString()).contains("Parcel delivered", "Pat Okafor and Mia Laurent")
                .doesNotContain("\"touchpoint\"");

        // 2. a blank submission is refused next to the field
        JsonNode blank = json(postSigned(port, interactive(submission(modal.get("private_metadata").asString(),
                "  ", "named")), FORM, Map.of()).body());
        assertThat(blank.get("response_action").asString()).isEqualTo("errors");
        assertThat(blank.get("errors").has("words")).isTrue();

        // 3. the words, pasted with contact details and text that must not ping, link or format
        String words = "<!channel> Parcel #123456 due 2026-12-05 never came. *Nobody* answers +44 20 7946 0958 or "
                + "(555) 123-4567, write me at jo.bloggs@mail.example <https://evil.example|click here>";
        HttpResponse<String> submitted = postSigned(port, interactive(submission(
                modal.get("private_metadata").asString(), words, "named")), FORM, Map.of());
        assertThat(submitted.statusCode()).isEqualTo(200);
        Map<String, String> preview = await().atMost(Duration.ofSeconds(10))
                .until(() -> postsTo(SLACK, DANA), posts -> !posts.isEmpty()).get(0);
        String previewBlocks = json(preview.get("blocks")).toString();
        assertThat(preview.get("text")).isEqualTo("Preview of the customer's words for Pat Okafor and Mia Laurent");
        assertThat(previewBlocks).contains("I removed 1 email address and 2 phone numbers before anyone sees it.",
                "A customer's words", "Parcel #123456 due 2026-12-05 never came.", "[phone number removed]",
                "[email removed]", "&lt;!channel&gt;", "&lt;https://evil.example|click here&gt;",
                "\u2217Nobody\u2217");
        assertThat(previewBlocks).doesNotContain("7946", "123-4567", "jo.bloggs", "<!channel>", "<https://",
                "*Nobody*");
        assertThat(TestRedis.client().keys("handoff:{" + TENANT + "}:voice:*")).singleElement()
                .satisfies(key -> assertThat(TestRedis.client().hget(key, "words")).doesNotContain("7946", "jo.bloggs"));

        // 4. Send: Pat and Mia each get exactly the previewed words, with the stories' reactions
        String sendValue = buttonValue(json(preview.get("blocks")), "voice.send");
        assertThat(press(DANA, "voice.send|0", sendValue).statusCode()).isEqualTo(200);
        for (String supplier : List.of(PAT, MIA)) {
            Map<String, String> got = await().atMost(Duration.ofSeconds(10))
                    .until(() -> postsTo(SLACK, supplier), posts -> !posts.isEmpty()).get(0);
            assertThat(got.get("text")).isEqualTo("A customer's words from Parcel delivered, passed on by Dana "
                    + "Kowalski");
            String blocks = json(got.get("blocks")).toString();
            assertThat(blocks).contains("Dana Kowalski, who meets customers at ", "[phone number removed]",
                    "&lt;!channel&gt;", "I didn't know this", "Let's talk", "shadow")
                    .doesNotContain("<!channel>", "7946", "jo.bloggs", "<https://");
        }

        // 5. Pat reacts with the stories' own button; Dana hears of it
        Map<String, String> atPat = postsTo(SLACK, PAT).get(0);
        String reactValue = reactionValue(json(atPat.get("blocks")), "didnt-know");
        assertThat(press(PAT, "story.react|0", reactValue).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> postsTo(SLACK, DANA).stream().anyMatch(post ->
                post.get("text").equals("Pat read the customer's words you passed on from Parcel delivered and "
                        + "said: I didn't know this.")));

        // 6. pressing Send again sends nothing more
        press(DANA, "voice.send|0", sendValue);
        Thread.sleep(500);
        assertThat(postsTo(SLACK, PAT)).filteredOn(post -> post.get("text").startsWith("A customer's words"))
                .hasSize(1);
    }

    private HttpResponse<String> press(String user, String actionId, String value) throws Exception {
        return postSigned(port, interactive("""
                {"type":"block_actions","api_app_id":"A0HANDOFF","team":{"id":"%s","domain":"acme"},
                 "user":{"id":"%s","team_id":"%s"},"trigger_id":"trig-press","container":{"type":"message"},
                 "channel":{"id":"D0X"},"actions":[{"type":"button","block_id":"b1","action_id":"%s",
                 "value":%s,"action_ts":"1700000001.0001"}]}"""
                .formatted(TEAM, user, TEAM, actionId, SlackTestSupport.JSON.writeValueAsString(value))), FORM,
                Map.of());
    }

    private static String submission(String privateMetadata, String words, String as) throws Exception {
        String values = """
                {"words":{"words":{"type":"plain_text_input","value":%s}},
                 "as":{"as":{"type":"static_select","selected_option":{"value":"%s","text":{"type":"plain_text","text":"x"}}}}}"""
                .formatted(SlackTestSupport.JSON.writeValueAsString(words), as);
        return """
                {"type":"view_submission","api_app_id":"A0HANDOFF","team":{"id":"%s","domain":"acme"},
                 "user":{"id":"%s","team_id":"%s"},"trigger_id":"trig-view",
                 "view":{"id":"V0MODAL","team_id":"%s","type":"modal","callback_id":"voice.form","private_metadata":%s,
                  "blocks":[],"state":{"values":%s}}}"""
                .formatted(TEAM, DANA, TEAM, TEAM, SlackTestSupport.JSON.writeValueAsString(privateMetadata), values);
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

    private static String reactionValue(JsonNode blocks, String code) {
        for (JsonNode block : blocks) {
            if (block.has("elements")) {
                for (JsonNode element : block.get("elements")) {
                    if (element.has("value") && element.get("value").asString().endsWith(":" + code)) {
                        return element.get("value").asString();
                    }
                }
            }
        }
        throw new AssertionError("no reaction " + code + " in " + blocks);
    }
}
