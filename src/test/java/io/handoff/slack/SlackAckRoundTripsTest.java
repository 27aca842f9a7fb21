package io.handoff.slack;

import static io.handoff.slack.SlackTestSupport.postSigned;
import static io.handoff.slack.SlackTestSupport.slashCommand;
import static io.handoff.slack.SlackTestSupport.stubUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.delivery.PlatformPreference;
import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;
import io.handoff.graph.TenantKeys;
import io.handoff.testing.RecordedRedis;
import io.handoff.testing.RoundTripRecorder;
import tools.jackson.databind.JsonNode;

/**
 * The Redis round trips a slash command makes before Slack gets its acknowledgement (issue 20): counted on the
 * request thread, which runs the command and sends the ack, by a client that records each round trip. Work after
 * the ack (recording Slack as the platform the person used last) runs on other threads and still happens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RecordedRedis.class)
class SlackAckRoundTripsTest {
    private static final String TEAM = SlackTestSupport.slackId('T');
    private static final TenantId TENANT = TenantId.of("slack-" + TEAM.toLowerCase(Locale.ROOT));
    private static final String PAT = SlackTestSupport.slackId('U');
    private static final String HANA = SlackTestSupport.slackId('U');
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final RoundTripRecorder RECORDER = RecordedRedis.RECORDER;
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();

    static {
        SlackTestSupport.stubBotWorkspace(SLACK, TEAM, "Acme Parcels");
        SlackTestSupport.stubMessaging(SLACK);
        stubUser(SLACK, PAT, TEAM, "Pat Okafor", "pat@" + TEAM.toLowerCase(Locale.ROOT) + ".example");
        stubUser(SLACK, HANA, TEAM, "Hana Sato", "hana@" + TEAM.toLowerCase(Locale.ROOT) + ".example");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SlackTestSupport.registerSingleWorkspace(registry, SLACK, "xoxb-test-round-trips");
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    @Autowired
    PlatformPreference platformPreference;

    @Test
    void helpOfAKnownPersonIsAcknowledgedAfterOneRoundTrip() throws Exception {
        // the first command creates the tenant and the person (users.info); the second is the everyday case
        assertThat(help().statusCode()).isEqualTo(200);
        PersonId pat = graph.personByIdentity(TENANT, Platform.SLACK, PAT).orElseThrow();
        platformPreference.forget(TENANT, pat);

        int mark = RECORDER.mark();
        HttpResponse<String> response = help();

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("What I can do");
        List<RoundTripRecorder.RoundTrip> beforeAck = RECORDER.since(mark, thread -> thread.startsWith("http-nio"));
        System.out.println("round trips before the ack: " + beforeAck);
        assertThat(beforeAck).as("the tenant index's version token, the tenant check and the identity in one pipeline")
                .hasSize(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(platformPreference.stored(TENANT, pat)).containsEntry("last", "slack"));
    }

    @Test
    void aPersonWhoForgotThemselvesLeavesNoLastPlatformBehind() throws Exception {
        assertThat(command(HANA, "help").statusCode()).isEqualTo(200);
        PersonId hana = graph.personByIdentity(TENANT, Platform.SLACK, HANA).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(platformPreference.stored(TENANT, hana)).containsEntry("last", "slack"));

        HttpResponse<String> asked = command(HANA, "forget-me");
        JsonNode confirm = SlackTestSupport.json(asked.body()).findParents("action_id").stream()
                .filter(element -> element.path("action_id").asString().startsWith("survey.forget.confirm"))
                .findFirst().orElseThrow();
        HttpResponse<String> pressed = postSigned(port, SlackTestSupport.interactive("""
                {"type":"block_actions","api_app_id":"A0HANDOFF","team":{"id":"%s","domain":"acme"},
                 "user":{"id":"%s","team_id":"%s"},"trigger_id":"trig-forget","container":{"type":"message"},
                 "channel":{"id":"D0HANA"},"actions":[{"type":"button","block_id":"b1","action_id":"%s",
                 "value":"%s","action_ts":"1700000001.0001"}]}"""
                .formatted(TEAM, HANA, TEAM, confirm.path("action_id").asString(), confirm.path("value").asString())),
                FORM, Map.of());

        assertThat(pressed.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> graph.person(TENANT, hana).isEmpty());
        // the press and the forget-me command were handled before Slack was recorded for them after their acks:
        // with the person gone, nothing is written back
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> platformPreference.stored(TENANT, hana).isEmpty());
    }

    @Test
    void aPersonDeletedBetweenTheCheckAndTheWriteLeavesNoLastPlatformBehind() throws Exception {
        String kim = SlackTestSupport.slackId('U');
        stubUser(SLACK, kim, TEAM, "Kim Lee", "kim@" + TEAM.toLowerCase(Locale.ROOT) + ".example");
        assertThat(command(kim, "help").statusCode()).isEqualTo(200);
        PersonId person = graph.personByIdentity(TENANT, Platform.SLACK, kim).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(platformPreference.stored(TENANT, person)).containsEntry("last", "slack"));
        platformPreference.forget(TENANT, person);
        // SCIM deletes Kim (and forgets what was kept) just before Slack is recorded as their last platform
        AtomicBoolean deleted = new AtomicBoolean();
        RECORDER.beforeSending("HSET " + TenantKeys.key(TENANT, "platform-choice"), () -> {
            graph.deletePerson(TENANT, person);
            platformPreference.forget(TENANT, person);
            deleted.set(true);
        });

        assertThat(command(kim, "help").statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).untilTrue(deleted);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> platformPreference.stored(TENANT, person).isEmpty());
    }

    private HttpResponse<String> help() throws Exception {
        return command(PAT, "help");
    }

    private HttpResponse<String> command(String user, String text) throws Exception {
        return postSigned(port, slashCommand(TEAM, user, text, "trig-" + System.nanoTime()), FORM, Map.of());
    }
}
