package io.handoff.msteams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.handoff.chat.Message;
import io.handoff.chat.port.TeamChannels;
import io.handoff.delivery.AllTeamChannels;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;

/**
 * The whole app with Slack and Teams both configured (the Slack Web API and the Bot Framework on one WireMock): it
 * starts, and the team channels the core gets post to a team's Slack channel and its Teams channel, once each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BothPlatformsTeamChannelsTest {
    private static final String SLACK_TEAM = "T0BOTH" + Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();
    private static final String CHANNEL = "19:both-ops@thread.tacv2";
    private static final BotFrameworkFake FAKE = BotFrameworkFake.instance();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        FAKE.reset();
        stubSlack(); // the Slack app checks its token with auth.test while it starts
        registry.add("handoff.redis.url", () -> TestRedis.uri().toString());
        registry.add("handoff.demo.mode", () -> "never");
        registry.add("handoff.slack.bot-token", () -> "xoxb-both-platforms");
        registry.add("handoff.slack.signing-secret", () -> "both-platforms-signing-secret");
        registry.add("handoff.slack.api-url", () -> FAKE.baseUrl() + "/slack/api/");
        BotFrameworkFake.register(registry);
    }

    private static void stubSlack() {
        FAKE.server.stubFor(post(urlPathEqualTo("/slack/api/auth.test")).willReturn(okJson("{\"ok\":true,"
                + "\"team_id\":\"" + SLACK_TEAM + "\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
        FAKE.server.stubFor(post(urlPathEqualTo("/slack/api/chat.postMessage")).willReturn(
                okJson("{\"ok\":true,\"channel\":\"C0BOTHOPS\",\"ts\":\"1.1\"}")));
    }

    @Autowired
    TeamChannels teamChannels;

    @Autowired
    MsTeamsChannels teamsChannels;

    @Autowired
    GraphStore graph;

    private TenantId tenant;
    private final TeamId ops = TeamId.of("ops");

    @BeforeEach
    void tenantOnBothPlatforms() {
        FAKE.reset();
        stubSlack();
        FAKE.server.stubFor(post(urlPathEqualTo("/teams/v3/conversations")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + CHANNEL + "\"}")));
        tenant = TestRedis.uniqueTenant();
        String microsoftTenant = UUID.randomUUID().toString();
        graph.saveTenant(new Tenant(tenant, "Both", null, SLACK_TEAM, microsoftTenant, Instant.now()));
        graph.saveTeam(tenant, Team.of("ops", "Operations"));
        graph.saveTeam(tenant, Team.of("night", "Night shift"));
        TestRedis.client().hset("handoff:{" + tenant.value() + "}:team-channels", "ops", "C0BOTHOPS"); // Slack's
        teamsChannels.assign(tenant, ops, new MsTeamsChannels.ChannelPlace(FAKE.serviceUrl(), CHANNEL,
                "19:team-both@thread.tacv2", microsoftTenant));
        teamsChannels.assign(tenant, TeamId.of("night"), new MsTeamsChannels.ChannelPlace(FAKE.serviceUrl(),
                "19:night@thread.tacv2", "19:team-both@thread.tacv2", microsoftTenant));
    }

    @Test
    void aTeamWithASlackAndATeamsChannelGetsThePostInBothOnceEach() {
        assertThat(teamChannels).isInstanceOf(AllTeamChannels.class);
        assertThat(teamChannels.configured(tenant, ops)).isTrue();
        assertThat(teamChannels.configured(tenant, TeamId.of("nobody"))).isFalse();
        String key = "story-channel:" + UUID.randomUUID();

        teamChannels.post(tenant, ops, Message.text("A day in the life"), key);
        await().atMost(Duration.ofSeconds(10)).until(() -> slackPosts().size() == 1 && teamsThreads().size() == 1);
        teamChannels.post(tenant, ops, Message.text("A day in the life"), key); // retried: neither posts again
        teamChannels.post(tenant, TeamId.of("night"), Message.text("Night digest"), "digest-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(10)).until(() -> teamsThreads().size() == 2);

        assertThat(slackPosts()).hasSize(1);
        String slackBody = URLDecoder.decode(slackPosts().get(0).getBodyAsString(), StandardCharsets.UTF_8);
        assertThat(slackBody).contains("channel=C0BOTHOPS").contains("A day in the life");
        List<String> threads = teamsThreads().stream().map(LoggedRequest::getBodyAsString).toList();
        assertThat(threads.get(0)).contains(CHANNEL).contains("A day in the life");
        assertThat(threads.get(1)).contains("19:night@thread.tacv2").contains("Night digest");
    }

    private List<LoggedRequest> slackPosts() {
        return FAKE.requestsTo("/slack/api/chat.postMessage");
    }

    private List<LoggedRequest> teamsThreads() {
        return FAKE.requestsTo("/teams/v3/conversations");
    }
}
