package io.handoff.slack;

import static io.handoff.slack.SlackTestSupport.json;
import static io.handoff.slack.SlackTestSupport.postSigned;
import static io.handoff.slack.SlackTestSupport.slashCommand;
import static io.handoff.slack.SlackTestSupport.stubUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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

import io.handoff.demo.SampleFriction;
import io.handoff.demo.SampleJourneys;
import io.handoff.demo.SampleOrganisation;
import io.handoff.friction.FrictionService;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.journey.Journeys;
import tools.jackson.databind.JsonNode;

/**
 * {@code /handoff journey parcel-delivery} through a signed Slack request, on the demo organisation installed as a
 * workspace: Lee (a manager) gets the blueprint as Block Kit with the fall at Parcel delivered and the pre-load
 * handoffs that moved together with it; Pat's App Home names Parcel delivered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackJourneyTest {
    private static final String TEAM = SlackTestSupport.slackId('T');
    private static final TenantId TENANT = TenantId.of("slack-" + TEAM.toLowerCase(Locale.ROOT));
    private static final String LEE = SlackTestSupport.slackId('U');
    private static final String PAT = SlackTestSupport.slackId('U');
    private static final String FORM = "application/x-www-form-urlencoded";
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();

    static {
        SlackTestSupport.stubBotWorkspace(SLACK, TEAM, "Northside depot");
        SlackTestSupport.stubMessaging(SLACK);
        SlackTestSupport.stubOk(SLACK, "conversations.open", "{\"ok\":true,\"channel\":{\"id\":\"D0LEE\"}}");
        SlackTestSupport.stubOk(SLACK, "files.getUploadURLExternal", "{\"ok\":true,\"upload_url\":\"http://localhost:"
                + SLACK.port() + "/upload/F0BLUE\",\"file_id\":\"F0BLUE\"}");
        SLACK.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/upload/F0BLUE"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200).withBody("OK")));
        SlackTestSupport.stubOk(SLACK, "files.completeUploadExternal",
                "{\"ok\":true,\"files\":[{\"id\":\"F0BLUE\",\"title\":\"Parcel delivery\"}]}");
        stubUser(SLACK, LEE, TEAM, "Lee Marsh", "lee@" + TEAM.toLowerCase(Locale.ROOT) + ".example");
        stubUser(SLACK, PAT, TEAM, "Pat Okafor", "pat@" + TEAM.toLowerCase(Locale.ROOT) + ".example");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SlackTestSupport.registerSingleWorkspace(registry, SLACK, "xoxb-test-journeys");
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    @Autowired
    Journeys journeys;

    @Autowired
    FrictionService friction;

    @BeforeEach
    void theDemoDepotIsTheWorkspacesOrganisation() {
        Instant now = Instant.now();
        SampleOrganisation.load(graph, TENANT, now);
        graph.saveTenant(new Tenant(TENANT, "Northside depot", null, TEAM, null, now));
        SampleJourneys.load(journeys, TENANT, now);
        SampleFriction.load(graph, friction, TENANT, now);
        for (Map.Entry<String, String> slack : Map.of("lee", LEE, "pat", PAT).entrySet()) {
            Person person = graph.person(TENANT, PersonId.of(slack.getKey())).orElseThrow();
            graph.savePerson(TENANT, person.withIdentity(Platform.SLACK, slack.getValue()));
        }
    }

    @Test
    void aManagerGetsTheParcelDeliveryBlueprintAsBlockKit() throws Exception {
        // the blueprint is drawn after the ack when that takes longer than the ack waits: read where it arrives
        JsonNode reply = SlackTestSupport.commandAnswer(port, SLACK, TEAM, LEE, "journey parcel-delivery", "trig-j");
        assertThat(reply.get("response_type").asString()).isEqualTo("ephemeral");
        assertThat(reply.get("text").asString()).isEqualTo("Parcel delivery: 1 touchpoint's customer signal fell");
        JsonNode blocks = reply.get("blocks");
        assertThat(blocks.get(0).get("type").asString()).isEqualTo("header");
        assertThat(blocks.get(0).get("text").get("text").asString()).isEqualTo("Parcel delivery: the blueprint");
        String all = blocks.toString();
        assertThat(all).contains("*Parcel delivered* (in person, game over): Delivery drivers, Dana Kowalski",
                "Customer signals that fell", "on-time % ", "(6.5% worse)", "Where to look inside",
                "They moved together with the customer signal",
                "• Lee Marsh → Ravi Shah: truck loaded in delivery order (critical, friction ");
        assertThat(all).doesNotContain("Pat Okafor → Dana", "caus");
        assertThat(all).contains("Open the interactive blueprint", "/blueprints/");

        // The picture goes up the way a map's does: files.uploadV2 into Lee's DM, after the acknowledgement.
        long deadline = System.currentTimeMillis() + 20_000;
        while (SlackTestSupport.calls(SLACK, "files.completeUploadExternal").isEmpty()
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(SlackTestSupport.calls(SLACK, "files.getUploadURLExternal").get(0))
                .containsEntry("filename", "parcel-delivery-blueprint.png");
        byte[] uploaded = SLACK.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/upload/F0BLUE"))).get(0).getBody();
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(uploaded));
        assertThat(picture.getWidth()).isGreaterThan(1000);
        Map<String, String> complete = SlackTestSupport.calls(SLACK, "files.completeUploadExternal").get(0);
        assertThat(complete.get("channel_id")).isEqualTo("D0LEE");
        assertThat(complete.get("files")).contains("F0BLUE", "Parcel delivery: experience blueprint");

        JsonNode refused = json(postSigned(port, slashCommand(TEAM, PAT, "journey parcel-delivery", "trig-p"), FORM,
                Map.of()).body());
        assertThat(refused.toString()).contains("for team managers and admins").doesNotContain("Parcel delivered");
    }

    @Test
    void patsAppHomeSaysWhereHisWorkReachesCustomers() throws Exception {
        String event = """
                {"token":"x","team_id":"%s","api_app_id":"A0HANDOFF","type":"event_callback","event_id":"Ev%s",
                 "event_time":1700000000,"event":{"type":"app_home_opened","user":"%s","channel":"D0HOME","tab":"home",
                 "event_ts":"1700000000.000300"}}""".formatted(TEAM, SlackTestSupport.slackId('H'), PAT);

        assertThat(postSigned(port, event, "application/json", Map.of()).statusCode()).isEqualTo(200);

        JsonNode home = await().atMost(Duration.ofSeconds(10)).until(() -> SlackTestSupport.calls(SLACK, "views.publish")
                        .stream().filter(call -> PAT.equals(call.get("user_id"))).map(call -> json(call.get("view")))
                        .reduce((first, second) -> second), java.util.Optional::isPresent).orElseThrow();
        String blocks = home.get("blocks").toString();
        assertThat(blocks).contains("Where your work reaches customers", "Your work (truck loaded in delivery order) "
                + "reaches customers at *Parcel delivered* through Dana, one hop; a game-over moment.");
    }
}
