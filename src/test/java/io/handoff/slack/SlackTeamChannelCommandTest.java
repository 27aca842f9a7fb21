package io.handoff.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.handoff.slack.SlackTestSupport.calls;
import static io.handoff.slack.SlackTestSupport.json;
import static io.handoff.slack.SlackTestSupport.okJson;
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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.handoff.chat.port.AvailabilityCheck;
import io.handoff.chat.port.TeamChannels;
import io.handoff.delivery.AllTeamChannels;
import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;

/**
 * In the running app: {@code /handoff team-channel} (admins and owners only) sets a team's channel and
 * {@code /handoff sync-teams} reads teams from the user groups, both answered by the core's features through the
 * Slack adapter's ports; the Slack team channels and availability check are the ones the core features get.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackTeamChannelCommandTest {
    private static final String TEAM = SlackTestSupport.slackId('T');
    private static final TenantId TENANT = TenantId.of("slack-" + TEAM.toLowerCase(Locale.ROOT));
    private static final String ADMIN = SlackTestSupport.slackId('U');
    private static final String MEMBER = SlackTestSupport.slackId('U');
    /** An admin whose users.info (her first command meets her; team-channel checks she is an admin) is slow. */
    private static final String ADA = SlackTestSupport.slackId('U');
    private static final int SLOWER = 4_000;
    private static final String FORM = "application/x-www-form-urlencoded";
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();

    static {
        SlackTestSupport.stubBotWorkspace(SLACK, TEAM, "Acme");
        stubUser(SLACK, ADMIN, TEAM, "Ada Admin", "ada@" + TEAM.toLowerCase(Locale.ROOT) + ".example");
        SLACK.stubFor(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=" + MEMBER))
                .willReturn(okJson("""
                        {"ok":true,"user":{"id":"%s","team_id":"%s","name":"mo","real_name":"Mo Member",
                         "is_admin":false,"is_owner":false,"profile":{"real_name":"Mo Member"}}}"""
                        .formatted(MEMBER, TEAM))));
        SLACK.stubFor(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=" + ADA))
                .willReturn(okJson("""
                        {"ok":true,"user":{"id":"%s","team_id":"%s","name":"ada","real_name":"Ada Slow",
                         "tz":"Europe/London","is_admin":true,"profile":{"real_name":"Ada Slow",
                         "email":"ada.slow@%s.example"}}}""".formatted(ADA, TEAM, TEAM.toLowerCase(Locale.ROOT)))
                        .withFixedDelay(SLOWER)));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SlackTestSupport.registerSingleWorkspace(registry, SLACK, "xoxb-test-team-channel");
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    @Autowired
    TeamChannels teamChannels;

    @Autowired
    List<AvailabilityCheck> availabilityChecks;

    /**
     * The ack waits at most SLACK_ACK_WAIT (2 s in tests) for a command's answer: an admin check whose users.info
     * takes 4 s cannot be in it, so the ack says "Working on it…" (sent whole while the command still runs on the
     * request thread: issue 20) and the answer follows through the response URL.
     */
    @Test
    void aCommandStillRunningWhenItsAckIsDueIsAnsweredAfterIt() throws Exception {
        postSigned(port, slashCommand(TEAM, ADMIN, "help", "trig-slow-0"), FORM, Map.of()); // the tenant exists
        graph.saveTeam(TENANT, Team.of("bay", "Loading bay"));
        String trigger = "trig-slow-" + SlackTestSupport.slackId('X');

        HttpResponse<String> ack = postSigned(port,
                SlackTestSupport.slashCommand(SLACK, TEAM, ADA, "team-channel bay <#C0BAY5678|bay>", trigger),
                FORM, Map.of());

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(json(ack.body()).get("response_type").asString()).isEqualTo("ephemeral");
        assertThat(json(ack.body()).get("text").asString()).isEqualTo(SlackSlashCommands.WORKING);
        // the ack came while the command still ran (it runs on the request thread; a timer answered the request)
        assertThat(TestRedis.client().hget("handoff:{" + TENANT.value() + "}:team-channels", "bay")).isNull();
        String answer = await().atMost(Duration.ofSeconds(40)).until(() -> SLACK.findAll(
                        com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                urlEqualTo(SlackTestSupport.commandHook(trigger)))), posts -> !posts.isEmpty())
                .get(0).getBodyAsString();
        assertThat(json(answer).get("response_type").asString()).isEqualTo("ephemeral");
        assertThat(json(answer).get("text").asString()).contains("Loading bay").contains("C0BAY5678");
        assertThat(TestRedis.client().hget("handoff:{" + TENANT.value() + "}:team-channels", "bay"))
                .isEqualTo("C0BAY5678");
    }

    /**
     * A button is handled like a slash command: its ack waits at most the ack wait, so an "open" button whose command
     * needs a 4-second users.info is acknowledged before that could answer; the answer follows in the DM.
     */
    @Test
    void aButtonWhoseCommandIsSlowIsAcknowledgedBeforeItIsAnswered() throws Exception {
        postSigned(port, slashCommand(TEAM, ADMIN, "help", "trig-slow-1"), FORM, Map.of()); // the tenant exists
        int before = SlackTestSupport.postsTo(SLACK, ADA).size();
        long start = System.nanoTime();

        HttpResponse<String> ack = postSigned(port, SlackTestSupport.interactive("""
                {"type":"block_actions","api_app_id":"A0HANDOFF","team":{"id":"%s"},"user":{"id":"%s","team_id":"%s"},
                 "trigger_id":"trig-open-slow","container":{"type":"message"},"channel":{"id":"D0ADA"},
                 "actions":[{"type":"button","block_id":"b","action_id":"slack-open|0","value":"team-channel"}]}"""
                .formatted(TEAM, ADA, TEAM)), FORM, Map.of());
        long ackedAfter = (System.nanoTime() - start) / 1_000_000;

        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(ackedAfter).as("the ack did not wait for the 4 s users.info").isLessThan(SLOWER);
        List<Map<String, String>> answers = await().atMost(Duration.ofSeconds(40))
                .until(() -> SlackTestSupport.postsTo(SLACK, ADA), posts -> posts.size() > before);
        assertThat(answers.get(answers.size() - 1).get("text")).contains("team-channel");
    }

    @Test
    void onlyAnAdminSetsATeamsChannelAndTheCoreGetsTheSlackAdapters() throws Exception {
        // the first command creates the tenant; the team exists once the roster has it
        postSigned(port, slashCommand(TEAM, ADMIN, "team-channel", "trig-0"), FORM, Map.of());
        graph.saveTeam(TENANT, Team.of("ops", "Operations"));

        HttpResponse<String> member = postSigned(port,
                slashCommand(TEAM, MEMBER, "team-channel ops <#C0OPS1234|ops>", "trig-1"), FORM, Map.of());
        assertThat(json(member.body()).get("text").asString()).startsWith("Only workspace admins and owners");
        assertThat(teamChannels.configured(TENANT, TeamId.of("ops"))).isFalse();

        HttpResponse<String> admin = postSigned(port,
                slashCommand(TEAM, ADMIN, "team-channel Operations <#C0OPS1234|ops>", "trig-2"), FORM, Map.of());
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(json(admin.body()).get("text").asString()).contains("Operations").contains("C0OPS1234");
        assertThat(teamChannels).isInstanceOf(AllTeamChannels.class); // the core gets every platform's channels
        assertThat(teamChannels.configured(TENANT, TeamId.of("ops"))).isTrue();
        assertThat(TestRedis.client().hget("handoff:{" + TENANT.value() + "}:team-channels", "ops"))
                .isEqualTo("C0OPS1234");
        assertThat(availabilityChecks).hasAtLeastOneElementOfType(SlackAvailability.class);
    }

    @Test
    void theCoreParsesTheCommandAnswersUnknownTeamsAndRemovesAChannel() throws Exception {
        postSigned(port, slashCommand(TEAM, ADMIN, "help", "trig-3"), FORM, Map.of()); // the tenant exists
        graph.saveTeam(TENANT, Team.of("night", "Night shift"));
        String channels = "handoff:{" + TENANT.value() + "}:team-channels";

        assertThat(answer(ADMIN, "team-channel night")).startsWith("Usage: team-channel &lt;team&gt; #channel"); // Slack-escaped
        assertThat(answer(ADMIN, "team-channel Day shift <#C0DAY1234|day>"))
                .isEqualTo("There is no team Day shift. Teams come from the roster import or the sync-teams command.");
        assertThat(answer(ADMIN, "team-channel night #no-such-channel")).startsWith("That is not a channel");
        assertThat(TestRedis.client().hget(channels, "night")).isNull();

        assertThat(answer(ADMIN, "team-channel Night shift <#C0NIGHT123>")).contains("Night shift")
                .contains("C0NIGHT123");
        assertThat(TestRedis.client().hget(channels, "night")).isEqualTo("C0NIGHT123");
        assertThat(answer(MEMBER, "team-channel night off")).startsWith("Only workspace admins and owners");
        assertThat(TestRedis.client().hget(channels, "night")).isEqualTo("C0NIGHT123");

        assertThat(answer(ADMIN, "team-channel night off")).isEqualTo("Team Night shift has no channel any more.");
        assertThat(TestRedis.client().hget(channels, "night")).isNull();
    }

    @Test
    void onlyAnAdminSyncsTeamsFromTheUserGroups() throws Exception {
        postSigned(port, slashCommand(TEAM, ADMIN, "help", "trig-4"), FORM, Map.of()); // the tenant exists
        // the sync a new workspace gets (no user groups then) is over once it asked for them
        await().atMost(Duration.ofSeconds(10)).until(() -> !calls(SLACK, "usergroups.list").isEmpty());
        SLACK.stubFor(post(urlEqualTo("/api/usergroups.list")).willReturn(okJson("""
                {"ok":true,"usergroups":[{"id":"S0YARD","team_id":"%s","name":"Yard crew","handle":"yard-crew",
                 "date_delete":0}]}""".formatted(TEAM))));
        SLACK.stubFor(post(urlEqualTo("/api/usergroups.users.list")).willReturn(okJson(
                "{\"ok\":true,\"users\":[\"" + ADMIN + "\"]}")));
        int listed = calls(SLACK, "usergroups.list").size();

        assertThat(answer(MEMBER, "sync-teams"))
                .isEqualTo("Only workspace admins and owners can sync teams from Slack user groups.");
        Thread.sleep(500); // a sync would have started at once
        assertThat(calls(SLACK, "usergroups.list")).hasSize(listed);
        assertThat(graph.teamMap(TENANT).teams()).doesNotContainKey(TeamId.of("yard-crew"));

        assertThat(answer(ADMIN, "sync-teams")).isEqualTo("Syncing teams from your Slack user groups now.");
        await().atMost(Duration.ofSeconds(10)).until(() -> graph.teamMap(TENANT).teams()
                .containsKey(TeamId.of("yard-crew")));
        assertThat(graph.teamMap(TENANT).teams().get(TeamId.of("yard-crew")).name()).isEqualTo("Yard crew");
        PersonId ada = graph.personByIdentity(TENANT, Platform.SLACK, ADMIN).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> TeamId.of("yard-crew")
                .equals(graph.person(TENANT, ada).orElseThrow().team()));
        assertThat(calls(SLACK, "usergroups.list")).hasSize(listed + 1);
    }

    /** The ephemeral answer's text to a signed slash command. */
    private String answer(String user, String text) throws Exception {
        HttpResponse<String> response = postSigned(port, slashCommand(TEAM, user, text, "trig-" + text.hashCode()),
                FORM, Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        return json(response.body()).get("text").asString();
    }
}
