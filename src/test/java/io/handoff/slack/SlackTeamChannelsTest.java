package io.handoff.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.handoff.slack.SlackTestSupport.calls;
import static io.handoff.slack.SlackTestSupport.okJson;
import static io.handoff.slack.SlackTestSupport.stubOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.slack.api.Slack;

import io.handoff.chat.Actor;
import io.handoff.chat.ChannelRef;
import io.handoff.chat.ChatBot;
import io.handoff.chat.Interaction;
import io.handoff.chat.Message;
import io.handoff.chat.Outcome;
import io.handoff.chat.Paragraph;
import io.handoff.chat.Place;
import io.handoff.chat.Reply;
import io.handoff.conversation.Conversation;
import io.handoff.delivery.TeamChannelFeature;
import io.handoff.empathy.Story;
import io.handoff.empathy.StoryMessages;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Team;
import io.handoff.graph.TeamId;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;

/**
 * Team channels on Slack: configured per team in Redis by the core's {@code team-channel} command (the Slack admin
 * check through users.info and the channel mention translated by this adapter), posted with chat.postMessage
 * (WireMock), once per key.
 */
class SlackTeamChannelsTest {
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();

    private final GraphStore graph = new RedisGraphStore(TestRedis.client());
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final TeamId platform = TeamId.of("platform");
    private SlackTeamChannels channels;
    private ChatBot bot;
    private Actor admin;

    @BeforeEach
    void setUp() {
        SLACK.resetAll();
        SlackWorkspaces workspaces = SlackTestSupport.workspaces(graph, SLACK, "xoxb-channels-test");
        Slack slack = SlackTestSupport.slack(SLACK);
        channels = new SlackTeamChannels(slack, workspaces, TestRedis.client(), Runnable::run);
        bot = new Conversation(graph, List.of(new TeamChannelFeature(graph, List.of(channels),
                List.of(new SlackAdmins(graph, slack, workspaces)), List.of())));
        String team = SlackTestSupport.slackId('T');
        graph.saveTenant(new Tenant(tenant, "Channels test", null, team, null, Instant.now()));
        graph.saveTeam(tenant, Team.of("platform", "Platform Engineering"));
        stubOk(SLACK, "chat.postMessage", "{\"ok\":true,\"channel\":\"C0PLATFORM\",\"ts\":\"1.2\"}");
        String adminUser = SlackTestSupport.slackId('U');
        SlackTestSupport.stubUser(SLACK, adminUser, team, "Ada Admin", null); // is_admin
        graph.savePerson(tenant, new Person(PersonId.of("ada"), "Ada Admin", null, null, null,
                Map.of(Platform.SLACK, adminUser)));
        admin = new Actor(tenant, PersonId.of("ada"));
    }

    /** What the admin typed, translated as the Slack adapter does, answered by the core. */
    private String typed(String text) {
        Outcome outcome = bot.handle(new Interaction.Command(admin, SlackTeamChannels.mentionsAsChannels(text),
                Place.on(Platform.SLACK)));
        return ((Reply.Show) outcome.reply()).message().summary();
    }

    @Test
    void anAdminSetsATeamsChannelByTeamNameAndChannelMention() {
        assertThat(channels.configured(tenant, platform)).isFalse();

        String answer = typed("team-channel Platform Engineering <#C0PLATFORM|platform-eng>");

        assertThat(answer).contains("Platform Engineering").contains("C0PLATFORM");
        assertThat(channels.configured(tenant, platform)).isTrue();
        assertThat(TestRedis.client().hget("handoff:{" + tenant.value() + "}:team-channels", "platform"))
                .isEqualTo("C0PLATFORM");
        assertThat(typed("team-channel nosuchteam C0PLATFORM")).startsWith("There is no team");
        assertThat(typed("team-channel platform #not-an-id")).startsWith("That is not a channel");
        assertThat(channels.channel(tenant, platform)).hasValue("C0PLATFORM");

        assertThat(typed("team-channel platform off")).contains("no channel");
        assertThat(channels.configured(tenant, platform)).isFalse();
    }

    @Test
    void aSharedStoryIsPostedToTheTeamsChannelEscapedAndOnlyOnce() {
        channels.assign(tenant, platform, new ChannelRef(Platform.SLACK, "C0PLATFORM"));
        Person teller = person("dana", "Dana <!channel>");
        Person upstream = person("pat", "Pat Lee");
        Story story = Story.draft("s1", upstream.id(), teller.id(), "release notes",
                new Story.Written("Friday *deploys* <!here> hurt <https://evil.example|click>", 3, false, true),
                Instant.now()).sentAt(Instant.now());
        Message post = StoryMessages.channelPost(story, teller, upstream);

        channels.post(tenant, platform, post, "story-channel:s1");
        channels.post(tenant, platform, post, "story-channel:s1"); // a retry of the same story

        List<Map<String, String>> posts = calls(SLACK, "chat.postMessage");
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).get("channel")).isEqualTo("C0PLATFORM");
        String blocks = SlackTestSupport.json(posts.get(0).get("blocks")).toString(); // JSON escapes decoded
        assertThat(blocks).contains("&lt;!here&gt;").contains("&lt;https://evil.example|click&gt;")
                .contains("Dana &lt;!channel&gt;").contains("\u2217deploys\u2217");
        assertThat(blocks).doesNotContain("<!here>").doesNotContain("<!channel>").doesNotContain("<https://evil");
    }

    @Test
    void aDigestThatSlackRefusesIsNotLostForTheNextTry() {
        channels.assign(tenant, platform, new ChannelRef(Platform.SLACK, "C0PLATFORM"));
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(
                okJson("{\"ok\":false,\"error\":\"not_in_channel\"}")));
        Message digest = new Message("Friction digest <@U123>", List.of(Paragraph.of("Platform: 3.4 of 5 <!channel>")));

        channels.post(tenant, platform, digest, "friction-digest:2026-47:platform");
        SLACK.resetAll();
        stubOk(SLACK, "chat.postMessage", "{\"ok\":true,\"channel\":\"C0PLATFORM\",\"ts\":\"1.3\"}");
        channels.post(tenant, platform, digest, "friction-digest:2026-47:platform");

        List<Map<String, String>> posts = calls(SLACK, "chat.postMessage");
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).get("text")).isEqualTo("Friction digest &lt;@U123&gt;");
        assertThat(SlackTestSupport.json(posts.get(0).get("blocks")).toString()).contains("&lt;!channel&gt;").doesNotContain("<!channel>");
    }

    @Test
    void aRateLimitIsReportedWithoutWaitingAndReleasesTheClaim() {
        channels.assign(tenant, platform, new ChannelRef(Platform.SLACK, "C0PLATFORM"));
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30").withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));

        long started = System.nanoTime();
        channels.post(tenant, platform, Message.text("digest"), "friction-digest:x:platform");

        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
        assertThat(calls(SLACK, "chat.postMessage")).hasSize(1);
        assertThat(TestRedis.client().exists("handoff:{" + tenant.value() + "}:team-channel-post:friction-digest:x:platform"))
                .isFalse();
    }

    private Person person(String id, String name) {
        Person person = new Person(PersonId.of(id), name, null, null, null, Map.of(Platform.SLACK, "U" + id.toUpperCase()));
        graph.savePerson(tenant, person);
        return person;
    }
}
