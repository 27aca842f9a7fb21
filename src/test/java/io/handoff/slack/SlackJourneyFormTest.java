package io.handoff.slack;

import static io.handoff.slack.SlackTestSupport.calls;
import static io.handoff.slack.SlackTestSupport.interactive;
import static io.handoff.slack.SlackTestSupport.json;
import static io.handoff.slack.SlackTestSupport.postSigned;
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

import io.handoff.demo.SampleJourneys;
import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TeamId;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.journey.Journey;
import io.handoff.journey.JourneyId;
import io.handoff.journey.Journeys;
import io.handoff.journey.Touchpoint;
import io.handoff.journey.TouchpointId;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.databind.JsonNode;

/**
 * {@code /handoff journey new} and {@code journey edit <id>} through HMAC-signed Slack requests against the Slack
 * API stub: the admin (Lee, named in HANDOFF_MAP_ADMINS) gets the journey modal through views.open, bad lines come
 * back as {@code response_action: errors} next to the field, a good submission stores the journey in Redis and
 * updates the modal to the owners step (a multi-select of the graph's teams and a people picker per touchpoint),
 * whose submission stores the owners; an edit opens prefilled; Pat, no admin, is told so in a sentence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackJourneyFormTest {
    private static final String TEAM = SlackTestSupport.slackId('T');
    private static final TenantId TENANT = TenantId.of("slack-" + TEAM.toLowerCase(Locale.ROOT));
    private static final String LEE = SlackTestSupport.slackId('U');
    private static final String PAT = SlackTestSupport.slackId('U');
    private static final String DANA = SlackTestSupport.slackId('U');
    private static final String FORM = "application/x-www-form-urlencoded";
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();

    static {
        SlackTestSupport.stubBotWorkspace(SLACK, TEAM, "Northside depot");
        SlackTestSupport.stubMessaging(SLACK);
        stubUser(SLACK, LEE, TEAM, "Lee Marsh", "lee@" + TEAM.toLowerCase(Locale.ROOT) + ".example");
        stubUser(SLACK, PAT, TEAM, "Pat Okafor", "pat@" + TEAM.toLowerCase(Locale.ROOT) + ".example");
        stubUser(SLACK, DANA, TEAM, "Dana Kowalski", "dana@" + TEAM.toLowerCase(Locale.ROOT) + ".example");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SlackTestSupport.registerSingleWorkspace(registry, SLACK, "xoxb-test-journey-forms");
        registry.add("handoff.maps.admins", () -> TENANT.value() + "=lee");
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    @Autowired
    Journeys journeys;

    @Autowired
    UnifiedJedis redis;

    @BeforeEach
    void theDemoDepotIsTheWorkspacesOrganisation() {
        Instant now = Instant.now();
        SampleOrganisation.load(graph, TENANT, now);
        graph.saveTenant(new Tenant(TENANT, "Northside depot", null, TEAM, null, now));
        SampleJourneys.load(journeys, TENANT, now);
        journeys.delete(TENANT, JourneyId.of("returns"));
        for (Map.Entry<String, String> slack : Map.of("lee", LEE, "pat", PAT, "dana", DANA).entrySet()) {
            Person person = graph.person(TENANT, PersonId.of(slack.getKey())).orElseThrow();
            graph.savePerson(TENANT, person.withIdentity(Platform.SLACK, slack.getValue()));
        }
    }

    @Test
    void anAdminDefinesAJourneyThroughTheModalAndItsOwnersStep() throws Exception {
        assertThat(postSigned(port, slashCommand(TEAM, LEE, "journey new", "trig-jnew"), FORM, Map.of())
                .statusCode()).isEqualTo(200);
        JsonNode modal = json(calls(SLACK, "views.open").stream()
                .filter(call -> "trig-jnew".equals(call.get("trigger_id"))).findFirst().orElseThrow().get("view"));
        assertThat(modal.get("callback_id").asString()).isEqualTo("journey-form.define");
        assertThat(modal.get("title").get("text").asString()).isEqualTo("New customer journey");
        assertThat(modal.get("blocks").size()).isLessThanOrEqualTo(100);
        JsonNode lines = block(modal, "touchpoints").get("element");
        assertThat(lines.get("type").asString()).isEqualTo("plain_text_input");
        assertThat(lines.get("multiline").asBoolean()).isTrue();
        assertThat(lines.get("max_length").asInt()).isEqualTo(3000);
        assertThat(block(modal, "name").get("element").get("type").asString()).isEqualTo("plain_text_input");
        assertThat(block(modal, "customer").get("optional").asBoolean()).isFalse();
        assertThat(modal.get("blocks").toString()).contains("Up to 3,000 characters", "in person, phone, app");

        // a line with an unknown channel: refused next to the field, nothing stored
        HttpResponse<String> bad = postSigned(port, interactive(submission(LEE, "journey-form.define", "new",
                define("Returns", "Start | Return booked | app | routine\nPick-up | Collected | pigeon | routine"))),
                FORM, Map.of());
        JsonNode errors = json(bad.body());
        assertThat(errors.get("response_action").asString()).isEqualTo("errors");
        assertThat(errors.get("errors").get("touchpoints").asString())
                .startsWith("Line 2: the channel must be one of in person, phone, app");
        assertThat(journeys.journey(TENANT, JourneyId.of("returns"))).isEmpty();

        // good lines: stored, and the modal moves on to the owners
        HttpResponse<String> good = postSigned(port, interactive(submission(LEE, "journey-form.define", "new",
                define("Returns", "Start | Return booked <!here> | app | routine\nPick-up | Parcel collected | "
                        + "in person | game over"))), FORM, Map.of());
        JsonNode update = json(good.body());
        assertThat(update.get("response_action").asString()).isEqualTo("update");
        JsonNode owners = update.get("view");
        assertThat(owners.get("callback_id").asString()).isEqualTo("journey-form.owners");
        JsonNode teams = block(owners, "teams.parcel-collected").get("element");
        assertThat(teams.get("type").asString()).isEqualTo("multi_static_select");
        assertThat(teams.get("options").findValuesAsString("value")).contains("drivers", "preload", "dispatch");
        assertThat(block(owners, "people.parcel-collected").get("element").get("type").asString())
                .isEqualTo("multi_users_select");
        // what the admin typed is shown literally: no @here ping, no formatting
        assertThat(block(owners, "tp.return-booked-here").get("text").get("text").asString())
                .contains("Return booked &lt;!here&gt;").doesNotContain("<!here>");
        String stored = redis.get("handoff:{" + TENANT.value() + "}:journey:returns");
        assertThat(stored).contains("\"name\":\"Returns\"", "\"id\":\"parcel-collected\"", "\"weight\":\"game-over\"");

        HttpResponse<String> picked = postSigned(port, interactive(submission(LEE, "journey-form.owners",
                owners.get("private_metadata").asString(), """
                        {"teams.parcel-collected":{"teams.parcel-collected":{"type":"multi_static_select",
                          "selected_options":[{"value":"drivers","text":{"type":"plain_text","text":"Delivery drivers"}}]}},
                         "people.parcel-collected":{"people.parcel-collected":{"type":"multi_users_select",
                          "selected_users":["%s"]}},
                         "teams.return-booked-here":{"teams.return-booked-here":{"type":"multi_static_select",
                          "selected_options":[]}},
                         "people.return-booked-here":{"people.return-booked-here":{"type":"multi_users_select",
                          "selected_users":[]}}}
                        """.formatted(DANA))), FORM, Map.of());
        assertThat(picked.statusCode()).isEqualTo(200);
        assertThat(picked.body()).doesNotContain("response_action");
        Journey returns = journeys.journey(TENANT, JourneyId.of("returns")).orElseThrow();
        Touchpoint collected = returns.touchpoint(TouchpointId.of("parcel-collected")).orElseThrow();
        assertThat(collected.ownerTeams()).containsExactly(TeamId.of("drivers"));
        assertThat(collected.ownerPeople()).containsExactly(PersonId.of("dana"));
        assertThat(redis.get("handoff:{" + TENANT.value() + "}:journey:returns")).contains("\"people\":[\"dana\"]");
        // the saved message reaches Lee after the acknowledgement
        await().atMost(Duration.ofSeconds(10)).until(() -> calls(SLACK, "chat.postMessage").stream()
                .filter(call -> call.get("blocks") != null)
                .anyMatch(call -> json(call.get("blocks")).toString().contains("without a front-line owner yet: "
                        + "Return booked &lt;!here&gt;")));
    }

    @Test
    void editOpensPrefilledAndNonAdminsAndUnknownIdsGetASentence() throws Exception {
        postSigned(port, slashCommand(TEAM, LEE, "journey edit parcel-delivery", "trig-jedit"), FORM, Map.of());
        JsonNode modal = json(calls(SLACK, "views.open").stream()
                .filter(call -> "trig-jedit".equals(call.get("trigger_id"))).findFirst().orElseThrow().get("view"));
        assertThat(modal.get("private_metadata").asString()).isEqualTo("edit|parcel-delivery");
        assertThat(block(modal, "name").get("element").get("initial_value").asString()).isEqualTo("Parcel delivery");
        assertThat(block(modal, "touchpoints").get("element").get("initial_value").asString())
                .contains("Delivery | Parcel delivered | in person | game over | parcel-delivered");

        JsonNode typo = json(postSigned(port, slashCommand(TEAM, LEE, "journey edit parcel-delivry", "trig-jtypo"),
                FORM, Map.of()).body());
        assertThat(typo.get("text").asString()).contains("Did you mean journey edit parcel-delivery");

        JsonNode refused = json(postSigned(port, slashCommand(TEAM, PAT, "journey new", "trig-jpat"), FORM,
                Map.of()).body());
        assertThat(refused.get("response_type").asString()).isEqualTo("ephemeral");
        assertThat(refused.toString()).contains("Only your Handoff admins can define customer journeys");
        assertThat(calls(SLACK, "views.open")).noneMatch(call -> "trig-jpat".equals(call.get("trigger_id"))
                || "trig-jtypo".equals(call.get("trigger_id")));

        // a forged submission by Pat changes nothing
        postSigned(port, interactive(submission(PAT, "journey-form.define", "edit|parcel-delivery",
                define("Hijacked", "A | B | app | routine"))), FORM, Map.of());
        assertThat(journeys.journey(TENANT, SampleJourneys.PARCEL_DELIVERY).orElseThrow().name())
                .isEqualTo("Parcel delivery");
    }

    private static String define(String name, String lines) {
        return """
                {"id":{"id":{"type":"plain_text_input","value":null}},
                 "name":{"name":{"type":"plain_text_input","value":%s}},
                 "customer":{"customer":{"type":"plain_text_input","value":"someone sending a parcel back"}},
                 "touchpoints":{"touchpoints":{"type":"plain_text_input","value":%s}}}"""
                .formatted(SlackTestSupport.JSON.writeValueAsString(name),
                        SlackTestSupport.JSON.writeValueAsString(lines));
    }

    private static String submission(String user, String callbackId, String privateMetadata, String values) {
        return """
                {"type":"view_submission","api_app_id":"A0HANDOFF","team":{"id":"%s","domain":"acme"},
                 "user":{"id":"%s","team_id":"%s"},"trigger_id":"trig-view",
                 "view":{"id":"V0MODAL","team_id":"%s","type":"modal","callback_id":"%s","private_metadata":%s,
                  "blocks":[],"state":{"values":%s}}}"""
                .formatted(TEAM, user, TEAM, TEAM, callbackId,
                        SlackTestSupport.JSON.writeValueAsString(privateMetadata), values);
    }

    private static JsonNode block(JsonNode view, String blockId) {
        List<String> seen = new ArrayList<>();
        for (JsonNode block : view.get("blocks")) {
            if (block.has("block_id") && block.get("block_id").asString().equals(blockId)) {
                return block;
            }
            seen.add(block.path("block_id").asString(""));
        }
        throw new AssertionError("no block " + blockId + " among " + seen);
    }
}
