package io.handoff.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.handoff.slack.SlackTestSupport.calls;
import static io.handoff.slack.SlackTestSupport.interactive;
import static io.handoff.slack.SlackTestSupport.json;
import static io.handoff.slack.SlackTestSupport.okJson;
import static io.handoff.slack.SlackTestSupport.postSigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import io.handoff.graph.Criticality;
import io.handoff.graph.EdgeCodec;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.Frequency;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Side;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;

/**
 * Issue 19 item 8 on Slack, through signed requests: Confirm on "Ana says you depend on their …" replaces that message
 * through the action's response URL (WireMock) with the answer and only a Change button; Change replaces it with
 * Confirm / Not really again, and Not really with its reason disputes the edge in the graph.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackAnsweredQuestionTest {
    private static final String TEAM = SlackTestSupport.slackId('T');
    private static final TenantId TENANT = TenantId.of("slack-" + TEAM.toLowerCase(Locale.ROOT));
    private static final String FORM = "application/x-www-form-urlencoded";
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();

    static {
        SlackTestSupport.stubBotWorkspace(SLACK, TEAM, "Acme Parcels");
        SlackTestSupport.stubMessaging(SLACK);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SlackTestSupport.registerSingleWorkspace(registry, SLACK, "xoxb-test-answered");
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    @Test
    void confirmReplacesTheQuestionWithTheAnswerAndChangeAsksAgain() throws Exception {
        if (graph.tenant(TENANT).isEmpty()) {
            graph.saveTenant(new Tenant(TENANT, "Acme Parcels", null, TEAM, null, Instant.now()));
        }
        String ana = SlackTestSupport.slackId('U');
        String dana = SlackTestSupport.slackId('U');
        PersonId anaId = PersonId.of("ana-" + ana.toLowerCase(Locale.ROOT));
        PersonId danaId = PersonId.of("dana-" + dana.toLowerCase(Locale.ROOT));
        graph.savePerson(TENANT, new Person(anaId, "Ana Silva", null, null, null, Map.of(Platform.SLACK, ana)));
        graph.savePerson(TENANT, new Person(danaId, "Dana Kowalski", null, null, null, Map.of(Platform.SLACK, dana)));
        Handoff claimed = Handoff.claimed(anaId, danaId, new HandoffTerms("sorted parcels", Frequency.DAILY,
                Criticality.CRITICAL), Side.UPSTREAM, Instant.now().minusSeconds(60));
        graph.update(TENANT, anaId, danaId, current -> java.util.Optional.of(claimed));
        String hook = "/hooks/answered-" + dana;
        SLACK.stubFor(post(urlEqualTo(hook)).willReturn(okJson("{\"ok\":true}")));

        // Dana presses Confirm on the question (as Asks renders it: up>down>fingerprint)
        assertThat(press(dana, "survey.confirm", ref(claimed), hook).statusCode()).isEqualTo(200);

        JsonNode replaced = await().atMost(Duration.ofSeconds(10)).until(() -> responses(hook), r -> r.size() == 1)
                .get(0);
        assertThat(replaced.path("replace_original").asBoolean()).isTrue();
        assertThat(replaced.path("text").asString()).contains("You confirmed you depend on").contains("Ana Silva")
                .contains("sorted parcels");
        List<String> actions = actionIds(replaced);
        assertThat(actions).hasSize(1).allMatch(id -> id.startsWith("survey.change"));
        Handoff confirmed = graph.handoff(TENANT, anaId, danaId).orElseThrow();
        assertThat(confirmed.status()).isEqualTo(EdgeStatus.CONFIRMED);
        // the answer went where the question was, not as a new message to Dana
        assertThat(calls(SLACK, "chat.postMessage")).noneMatch(p -> p.getOrDefault("text", "").contains("You confirmed"));

        // Change: the answer is replaced by Confirm / Not really again
        assertThat(press(dana, actionIds(replaced).get(0), value(replaced, "survey.change"), hook).statusCode())
                .isEqualTo(200);
        JsonNode again = await().atMost(Duration.ofSeconds(10)).until(() -> responses(hook), r -> r.size() == 2).get(1);
        assertThat(again.path("replace_original").asBoolean()).isTrue();
        assertThat(actionIds(again)).extracting(id -> id.substring(0, id.indexOf('|')))
                .containsExactly("survey.confirm", "survey.dispute");

        // Not really opens the reason form, which carries the question's response URL; its submission disputes
        // the confirmed edge and replaces the question (through that URL) with the answer and Change
        int opened = modals().size();
        assertThat(press(dana, "survey.dispute", value(again, "survey.dispute"), hook).statusCode()).isEqualTo(200);
        JsonNode modal = await().atMost(Duration.ofSeconds(10)).until(() -> modals(), m -> m.size() == opened + 1)
                .get(opened);
        String metadata = modal.path("private_metadata").asString();
        assertThat(metadata).contains(SLACK.baseUrl() + hook).endsWith(value(again, "survey.dispute"));
        assertThat(submit(dana, metadata, "I sort them myself now").statusCode()).isEqualTo(200);
        Handoff disputed = graph.handoff(TENANT, anaId, danaId).orElseThrow();
        assertThat(disputed.status()).isEqualTo(EdgeStatus.DISPUTED);
        JsonNode answered = await().atMost(Duration.ofSeconds(10)).until(() -> responses(hook), r -> r.size() == 3)
                .get(2);
        assertThat(answered.path("replace_original").asBoolean()).isTrue();
        assertThat(answered.path("text").asString()).contains("You said this is not right").contains("Ana Silva")
                .contains("sorted parcels");
        assertThat(actionIds(answered)).hasSize(1).allMatch(id -> id.startsWith("survey.change"));
        assertThat(calls(SLACK, "chat.postMessage")).noneMatch(p -> p.getOrDefault("text", "")
                .contains("You said this is not right"));
    }

    @Test
    void yesAndTheresMoreReplacesTheQuestionWithItsAnswerAndOpensTheSurvey() throws Exception {
        if (graph.tenant(TENANT).isEmpty()) {
            graph.saveTenant(new Tenant(TENANT, "Acme Parcels", null, TEAM, null, Instant.now()));
        }
        String ana = SlackTestSupport.slackId('U');
        String dana = SlackTestSupport.slackId('U');
        PersonId anaId = PersonId.of("ana-" + ana.toLowerCase(Locale.ROOT));
        PersonId danaId = PersonId.of("dana-" + dana.toLowerCase(Locale.ROOT));
        graph.savePerson(TENANT, new Person(anaId, "Ana Silva", null, null, null, Map.of(Platform.SLACK, ana)));
        graph.savePerson(TENANT, new Person(danaId, "Dana Kowalski", null, null, null, Map.of(Platform.SLACK, dana)));
        Handoff claimed = Handoff.claimed(anaId, danaId, new HandoffTerms("route sheets", Frequency.DAILY,
                Criticality.CRITICAL), Side.UPSTREAM, Instant.now().minusSeconds(60));
        graph.update(TENANT, anaId, danaId, current -> java.util.Optional.of(claimed));
        String hook = "/hooks/more-" + dana;
        SLACK.stubFor(post(urlEqualTo(hook)).willReturn(okJson("{\"ok\":true}")));
        int opened = modals().size();

        assertThat(press(dana, "survey.more", ref(claimed), hook).statusCode()).isEqualTo(200);

        assertThat(graph.handoff(TENANT, anaId, danaId).orElseThrow().status()).isEqualTo(EdgeStatus.CONFIRMED);
        JsonNode modal = await().atMost(Duration.ofSeconds(10)).until(() -> modals(), m -> m.size() == opened + 1)
                .get(opened);
        assertThat(modal.path("callback_id").asString()).isEqualTo("survey.customers.pick");
        JsonNode replaced = await().atMost(Duration.ofSeconds(10)).until(() -> responses(hook), r -> r.size() == 1)
                .get(0);
        assertThat(replaced.path("replace_original").asBoolean()).isTrue();
        assertThat(replaced.path("text").asString()).contains("You confirmed you depend on").contains("route sheets");
        assertThat(actionIds(replaced)).hasSize(1).allMatch(id -> id.startsWith("survey.change"));
    }

    /** The modals opened so far, as the views.open calls sent them (their view JSON). */
    private static List<JsonNode> modals() {
        return calls(SLACK, "views.open").stream().map(p -> json(p.get("view"))).toList();
    }

    private java.net.http.HttpResponse<String> submit(String user, String metadata, String reason) throws Exception {
        return postSigned(port, interactive("""
                {"type":"view_submission","api_app_id":"A0HANDOFF","team":{"id":"%s","domain":"acme"},
                 "user":{"id":"%s","team_id":"%s"},"trigger_id":"trig-view",
                 "view":{"id":"V0MODAL","team_id":"%s","type":"modal","callback_id":"survey.dispute.reason",
                  "private_metadata":%s,"blocks":[],
                  "state":{"values":{"reason":{"reason":{"type":"plain_text_input","value":"%s"}}}}}}"""
                .formatted(TEAM, user, TEAM, TEAM, SlackTestSupport.JSON.writeValueAsString(metadata), reason)),
                FORM, Map.of());
    }

    private java.net.http.HttpResponse<String> press(String user, String actionId, String value, String hook)
            throws Exception {
        String slackActionId = actionId.contains("|") ? actionId : actionId + "|0";
        return postSigned(port, interactive("""
                {"type":"block_actions","api_app_id":"A0HANDOFF","team":{"id":"%s","domain":"acme"},
                 "user":{"id":"%s","team_id":"%s"},"trigger_id":"trig-answer",
                 "container":{"type":"message","message_ts":"1700000000.000100","channel_id":"D0DANA"},
                 "channel":{"id":"D0DANA"},"response_url":"%s",
                 "actions":[{"type":"button","block_id":"b1","action_id":"%s","value":"%s",
                  "action_ts":"1700000001.0001"}]}"""
                .formatted(TEAM, user, TEAM, SLACK.baseUrl() + hook, slackActionId, value)), FORM, Map.of());
    }

    private static List<JsonNode> responses(String hook) {
        return SLACK.findAll(postRequestedFor(urlEqualTo(hook))).stream().map(r -> json(r.getBodyAsString())).toList();
    }

    private static List<String> actionIds(JsonNode message) {
        List<String> ids = new ArrayList<>();
        message.path("blocks").forEach(block -> block.path("elements")
                .forEach(element -> ids.add(element.path("action_id").asString())));
        ids.removeIf(String::isEmpty);
        return ids;
    }

    private static String value(JsonNode message, String action) {
        for (JsonNode block : message.path("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if (element.path("action_id").asString().startsWith(action + "|")) {
                    return element.path("value").asString();
                }
            }
        }
        throw new AssertionError("no " + action + " in " + message);
    }

    /** The value of the question's buttons: the edge and a fingerprint of the version asked about. */
    private static String ref(Handoff edge) {
        CRC32 crc = new CRC32();
        crc.update(EdgeCodec.encode(edge).getBytes(StandardCharsets.UTF_8));
        return edge.upstream().value() + ">" + edge.downstream().value() + ">" + Long.toHexString(crc.getValue());
    }
}
