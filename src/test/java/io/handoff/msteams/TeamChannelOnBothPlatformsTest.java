package io.handoff.msteams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.slack.api.app_backend.SlackSignature;

import io.handoff.chat.Message;
import io.handoff.chat.port.TeamChannels;
import io.handoff.conversation.Conversation;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole app with Slack and Teams (the Slack Web API and the Bot Framework on one WireMock): Ada, one person with
 * both accounts, sets the Yard team's Slack channel with a signed {@code /handoff team-channel} and its Teams channel
 * by saying {@code team-channel} in it (a real channel token). Both reach the one core feature (its interactions are
 * counted under its prefix), each platform's admin rule applies, and a post then goes to both channels.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TeamChannelOnBothPlatformsTest {
    private static final BotFrameworkFake FAKE = BotFrameworkFake.instance();
    private static final String SIGNING_SECRET = "both-platforms-team-channel-secret";
    private static final String SLACK_TEAM = "T0TC" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    private static final String SLACK_ADA = "U0ADA" + Long.toString(System.nanoTime() % 10_000, 36).toUpperCase();
    private static final String MICROSOFT_TENANT = UUID.randomUUID().toString();
    private static final TenantId TENANT = TestRedis.uniqueTenant();
    private static final String ADA_EMAIL = "ada@yard.example";
    private static final String TEAMS_TEAM = "19:team-yard@thread.tacv2";
    private static final String CHANNEL = "19:yard-handoffs@thread.tacv2";
    private static final String THREAD = CHANNEL + ";messageid=1732540000001";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FAKE.reset();
        stubSlack(); // the Slack app checks its token with auth.test while it starts
        registry.add("handoff.redis.url", () -> TestRedis.uri().toString());
        registry.add("handoff.demo.mode", () -> "never");
        registry.add("handoff.maps.admins", () -> TENANT.value() + "=" + ADA_EMAIL);
        registry.add("handoff.slack.bot-token", () -> "xoxb-team-channel-both");
        registry.add("handoff.slack.signing-secret", () -> SIGNING_SECRET);
        registry.add("handoff.slack.api-url", () -> FAKE.baseUrl() + "/slack/api/");
        BotFrameworkFake.register(registry);
    }

    private static void stubSlack() {
        FAKE.server.stubFor(post(urlPathEqualTo("/slack/api/auth.test")).willReturn(okJson("{\"ok\":true,"
                + "\"team_id\":\"" + SLACK_TEAM + "\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        FAKE.server.stubFor(post(urlPathEqualTo("/slack/api/chat.postMessage")).willReturn(
                okJson("{\"ok\":true,\"channel\":\"C0YARD1234\",\"ts\":\"1.1\"}")));
        FAKE.server.stubFor(post(urlPathEqualTo("/slack/api/users.info")).withRequestBody(containing(SLACK_ADA))
                .willReturn(okJson("""
                        {"ok":true,"user":{"id":"%s","team_id":"%s","name":"ada","real_name":"Ada Mensah",
                         "is_admin":true,"profile":{"real_name":"Ada Mensah","email":"%s"}}}"""
                        .formatted(SLACK_ADA, SLACK_TEAM, ADA_EMAIL))));
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    @Autowired
    TeamChannels teamChannels;

    @Autowired
    MeterRegistry meters;

    @Test
    void bothAdaptersReachTheOneCoreFeatureAndThePostGoesToBothChannels() throws Exception {
        FAKE.reset();
        stubSlack();
        FAKE.server.stubFor(post(urlPathEqualTo("/teams/v3/conversations")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + CHANNEL + "\"}")));
        graph.saveTenant(new Tenant(TENANT, "Yard", null, SLACK_TEAM, MICROSOFT_TENANT, Instant.now()));
        graph.saveTeam(TENANT, Team.of("yard", "Yard"));
        BotFrameworkFake.TeamsUser ada = new BotFrameworkFake.TeamsUser("29:user-ada-yard",
                UUID.randomUUID().toString(), "Ada Mensah", ADA_EMAIL, MICROSOFT_TENANT);
        FAKE.member(ada.personalConversation(), ada);
        MsTeamsTestClient teams = new MsTeamsTestClient(FAKE, port);
        teams.post(FAKE.text(ada, "home")); // Ada is known to Handoff from Teams, with her email
        double before = channelCommands();

        HttpResponse<String> slack = slashCommand("team-channel Yard <#C0YARD1234|yard>");
        assertThat(slack.statusCode()).isEqualTo(200);
        assertThat(BotFrameworkFake.JSON.readTree(slack.body()).path("text").asString())
                .contains("Yard").contains("C0YARD1234");
        assertThat(teams.post(inChannel(ada, "team-channel yard")).statusCode()).isEqualTo(200);

        assertThat(BotFrameworkFake.texts(teams.lastCard(THREAD))).contains("now go to this channel");
        assertThat(channelCommands()).as("both went through the core's team-channel feature").isEqualTo(before + 2);
        assertThat(TestRedis.client().hget("handoff:{" + TENANT.value() + "}:team-channels", "yard"))
                .isEqualTo("C0YARD1234");
        JsonNode teamsChannel = BotFrameworkFake.JSON.readTree(
                TestRedis.client().hget("handoff:{" + TENANT.value() + "}:teams-team-channels", "yard"));
        assertThat(teamsChannel.path("channelId").asString()).isEqualTo(CHANNEL);

        teamChannels.post(TENANT, TeamId.of("yard"), Message.text("Yard digest"), "digest-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(10)).until(() -> !FAKE.requestsTo("/slack/api/chat.postMessage").isEmpty()
                && !FAKE.requestsTo("/teams/v3/conversations").isEmpty());
        assertThat(URLDecoder.decode(FAKE.requestsTo("/slack/api/chat.postMessage").get(0).getBodyAsString(),
                StandardCharsets.UTF_8)).contains("channel=C0YARD1234").contains("Yard digest");
        assertThat(FAKE.requestsTo("/teams/v3/conversations").get(0).getBodyAsString()).contains(CHANNEL)
                .contains("Yard digest");
    }

    private double channelCommands() {
        return meters.counter(Conversation.INTERACTIONS, "kind", "command", "feature", "channels.", "result", "ok")
                .count();
    }

    /** {@code /handoff <text>} from Ada, signed as Slack signs it. */
    private HttpResponse<String> slashCommand(String text) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("team_id", SLACK_TEAM);
        fields.put("team_domain", "yard");
        fields.put("channel_id", "D0CMD");
        fields.put("user_id", SLACK_ADA);
        fields.put("user_name", "ada");
        fields.put("command", "/handoff");
        fields.put("text", text);
        fields.put("api_app_id", "A0HANDOFF");
        fields.put("response_url", "https://hooks.slack.invalid/commands/1");
        fields.put("trigger_id", "trig-yard");
        String body = fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", new SlackSignature.Generator(SIGNING_SECRET).generate(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A message to the bot in the channel's thread, as Teams sends it: @mention, channel and team in channelData. */
    private ObjectNode inChannel(BotFrameworkFake.TeamsUser from, String command) {
        ObjectNode message = FAKE.activity("message", from, THREAD, "channel").put("text", "<at>Handoff</at> " + command);
        ObjectNode entity = message.putArray("entities").addObject().put("type", "mention").put("text", "<at>Handoff</at>");
        entity.putObject("mentioned").put("id", "28:" + BotFrameworkFake.APP_ID).put("name", "Handoff");
        ObjectNode channelData = (ObjectNode) message.get("channelData");
        channelData.putObject("channel").put("id", CHANNEL).put("name", "Yard handoffs");
        channelData.putObject("team").put("id", TEAMS_TEAM).put("name", "Yard");
        return message;
    }
}
