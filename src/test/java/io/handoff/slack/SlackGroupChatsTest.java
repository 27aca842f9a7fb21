package io.handoff.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.handoff.slack.SlackTestSupport.calls;
import static io.handoff.slack.SlackTestSupport.okJson;
import static io.handoff.slack.SlackTestSupport.stubOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.handoff.chat.GroupChat;
import io.handoff.chat.Heading;
import io.handoff.chat.Message;
import io.handoff.chat.Paragraph;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;

/** Slack group DMs: conversations.open with both users, one post per key, and every failure reported, not thrown. */
class SlackGroupChatsTest {
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();
    private static final ExecutorService CALLS = Executors.newFixedThreadPool(2);

    private final GraphStore graph = new RedisGraphStore(TestRedis.client());
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final String team = SlackTestSupport.slackId('T');
    private final Person ana = new Person(PersonId.of("ana"), "Ana Silva", null, null, null,
            Map.of(Platform.SLACK, "UANA0001"));
    private final Person dana = new Person(PersonId.of("dana"), "Dana <!channel>", null, null, null,
            Map.of(Platform.SLACK, "UDANA0002"));
    private final Message opening = new Message("Let's talk about <!here> trucks", List.of(new Heading("Let's talk"),
            Paragraph.builder().plain("Story: ").strong("*bold* <https://evil.example|click>").build()));
    private SlackGroupChats chats;

    @AfterAll
    static void stop() {
        CALLS.shutdownNow();
    }

    @BeforeEach
    void setUp() {
        SLACK.resetAll();
        SlackWorkspaces workspaces = SlackTestSupport.workspaces(graph, SLACK, "xoxb-group-chats-test");
        chats = new SlackGroupChats(graph, SlackTestSupport.slack(SLACK), workspaces, TestRedis.client(), CALLS);
        graph.saveTenant(new Tenant(tenant, "Group chats test", null, team, null, Instant.now()));
        stubOk(SLACK, "conversations.open", "{\"ok\":true,\"channel\":{\"id\":\"G0MPIM01\"}}");
        stubOk(SLACK, "chat.postMessage", "{\"ok\":true,\"channel\":\"G0MPIM01\",\"ts\":\"1.2\"}");
    }

    @Test
    void opensTheGroupDmOfBothAndPostsTheOpeningEscapedOncePerKey() {
        GroupChat first = chats.open(tenant, ana, dana, opening, "story-talk:s1");
        GroupChat again = chats.open(tenant, ana, dana, opening, "story-talk:s1");

        assertThat(calls(SLACK, "conversations.open")).singleElement()
                .satisfies(call -> assertThat(call.get("users")).isEqualTo("UANA0001,UDANA0002"));
        List<Map<String, String>> posts = calls(SLACK, "chat.postMessage");
        assertThat(posts).singleElement().satisfies(post -> {
            assertThat(post.get("channel")).isEqualTo("G0MPIM01");
            assertThat(post.get("text")).isEqualTo("Let's talk about &lt;!here&gt; trucks");
            String blocks = SlackTestSupport.json(post.get("blocks")).toString();
            assertThat(blocks).contains("&lt;https://evil.example|click&gt;").doesNotContain("<https://evil")
                    .contains("\u2217bold\u2217");
        });
        assertThat(first).isInstanceOfSatisfying(GroupChat.Opened.class, opened -> {
            assertThat(opened.again()).isFalse();
            assertThat(opened.link()).hasValueSatisfying(link -> assertThat(link.toString())
                    .isEqualTo("https://slack.com/app_redirect?channel=G0MPIM01&team=" + team));
        });
        assertThat(again).isInstanceOfSatisfying(GroupChat.Opened.class, opened -> {
            assertThat(opened.again()).isTrue();
            assertThat(opened.link()).isEqualTo(((GroupChat.Opened) first).link());
        });
        assertThat(TestRedis.client().ttl(SlackGroupChats.claimKey(tenant, "story-talk:s1")))
                .isGreaterThan(Duration.ofDays(29).toSeconds());
    }

    @Test
    void aRateLimitIsReportedAtOnceAndReleasesTheClaim() {
        SLACK.stubFor(post(urlEqualTo("/api/conversations.open")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30").withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));

        long started = System.nanoTime();
        GroupChat chat = chats.open(tenant, ana, dana, opening, "story-talk:s2");

        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(SlackGroupChats.MAX_WAIT.toMillis());
        assertThat(chat).isInstanceOfSatisfying(GroupChat.NotPossible.class,
                n -> assertThat(n.reason()).contains("rate limited for 30 s"));
        assertThat(calls(SLACK, "conversations.open")).hasSize(1);
        assertThat(calls(SLACK, "chat.postMessage")).isEmpty();
        assertThat(TestRedis.client().exists(SlackGroupChats.claimKey(tenant, "story-talk:s2"))).isFalse();
    }

    @Test
    void aRefusedPostIsNotPossibleAndTheNextTryOpensAgain() {
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(
                okJson("{\"ok\":false,\"error\":\"restricted_action\"}")));
        GroupChat refused = chats.open(tenant, ana, dana, opening, "story-talk:s3");
        stubOk(SLACK, "chat.postMessage", "{\"ok\":true,\"channel\":\"G0MPIM01\",\"ts\":\"1.3\"}");
        GroupChat retried = chats.open(tenant, ana, dana, opening, "story-talk:s3");

        assertThat(refused).isInstanceOfSatisfying(GroupChat.NotPossible.class,
                n -> assertThat(n.reason()).contains("restricted_action"));
        assertThat(retried).isInstanceOfSatisfying(GroupChat.Opened.class, o -> assertThat(o.again()).isFalse());
        assertThat(calls(SLACK, "conversations.open")).hasSize(2);
    }

    @Test
    void withoutBothSlackIdentitiesNothingIsCalled() {
        Person teamsOnly = new Person(PersonId.of("lee"), "Lee", "lee@x.example", null, null,
                Map.of(Platform.TEAMS, "aad-lee"));

        GroupChat chat = chats.open(tenant, ana, teamsOnly, opening, "story-talk:s4");

        assertThat(chat).isInstanceOf(GroupChat.NotPossible.class);
        assertThat(SLACK.getAllServeEvents()).isEmpty();
    }

    @Test
    void aSlowSlackIsGivenUpOnAndTheLateConversationGetsNoPost() throws InterruptedException {
        SLACK.stubFor(post(urlEqualTo("/api/conversations.open")).willReturn(
                okJson("{\"ok\":true,\"channel\":{\"id\":\"G0SLOW01\"}}").withFixedDelay(
                        (int) SlackGroupChats.MAX_WAIT.toMillis() + 1000)));

        GroupChat chat = chats.open(tenant, ana, dana, opening, "story-talk:s5");

        assertThat(chat).isInstanceOfSatisfying(GroupChat.NotPossible.class,
                n -> assertThat(n.reason()).contains("did not answer"));
        await().atMost(Duration.ofSeconds(10)).until(() -> SLACK.getAllServeEvents().stream()
                .anyMatch(e -> e.getRequest().getUrl().endsWith("conversations.open") && e.getResponse() != null
                        && e.getResponse().getBodyAsString().contains("G0SLOW01")));
        Thread.sleep(300); // the background call would post right after the late answer
        assertThat(calls(SLACK, "chat.postMessage")).isEmpty();
        assertThat(TestRedis.client().exists(SlackGroupChats.claimKey(tenant, "story-talk:s5"))).isFalse();
    }
}
