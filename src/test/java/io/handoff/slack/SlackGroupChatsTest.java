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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.handoff.chat.Delivery;
import io.handoff.chat.GroupChat;
import io.handoff.chat.Heading;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Paragraph;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;

/**
 * Slack group DMs: the button's answer comes first ({@link GroupChat.Opening}, no network), then conversations.open
 * with both users and one post per key in the background; every failure releases the claim and hands the fallback
 * notes to delivery, nothing is thrown.
 */
class SlackGroupChatsTest {
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();
    private static final ExecutorService CALLS = Executors.newFixedThreadPool(2);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final GraphStore graph = new RedisGraphStore(TestRedis.client());
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final String team = SlackTestSupport.slackId('T');
    private final Person ana = new Person(PersonId.of("ana"), "Ana Silva", null, null, null,
            Map.of(Platform.SLACK, "UANA0001"));
    private final Person dana = new Person(PersonId.of("dana"), "Dana <!channel>", null, null, null,
            Map.of(Platform.SLACK, "UDANA0002"));
    private final Message opening = new Message("Let's talk about <!here> trucks", List.of(new Heading("Let's talk"),
            Paragraph.builder().plain("Story: ").strong("*bold* <https://evil.example|click>").build()));
    /** What the fallback handed to delivery: tenant, notification and the key it was delivered with. */
    private record Delivered(TenantId tenant, Notification note, String key) {
    }

    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    private final Delivery delivery = (to, note, key) -> delivered.add(new Delivered(to, note, key));
    private SlackGroupChats chats;

    @AfterAll
    static void stop() {
        CALLS.shutdownNow();
    }

    @BeforeEach
    void setUp() {
        SLACK.resetAll();
        SlackWorkspaces workspaces = SlackTestSupport.workspaces(graph, SLACK, "xoxb-group-chats-test");
        chats = new SlackGroupChats(graph, SlackTestSupport.slack(SLACK), workspaces, TestRedis.client(), CALLS,
                delivery);
        graph.saveTenant(new Tenant(tenant, "Group chats test", null, team, null, Instant.now()));
        stubOk(SLACK, "conversations.open", "{\"ok\":true,\"channel\":{\"id\":\"G0MPIM01\"}}");
        stubOk(SLACK, "chat.postMessage", "{\"ok\":true,\"channel\":\"G0MPIM01\",\"ts\":\"1.2\"}");
    }

    private List<Notification> notes(String key) {
        return List.of(new Notification(dana.id(), Message.text("You and Ana would like to talk"), key + ":t"),
                new Notification(ana.id(), Message.text("You and Dana would like to talk"), key + ":u"));
    }

    /** How each background opening ended, as the caller's {@link io.handoff.chat.GroupChats.Settled} heard it. */
    private final List<GroupChat> settled = new CopyOnWriteArrayList<>();

    private GroupChat open(String key) {
        return chats.open(tenant, ana, dana, opening, key, notes(key), settled::add);
    }

    private String claim(String key) {
        return TestRedis.client().get(SlackGroupChats.claimKey(tenant, key));
    }

    @Test
    void opensTheGroupDmOfBothAndPostsTheOpeningEscapedOncePerKey() {
        GroupChat first = open("story-talk:s1");
        assertThat(first).isEqualTo(new GroupChat.Opening(Platform.SLACK));
        await().atMost(WAIT).until(() -> "G0MPIM01".equals(claim("story-talk:s1")));

        GroupChat again = open("story-talk:s1");

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
        assertThat(again).isInstanceOfSatisfying(GroupChat.Opened.class, opened -> {
            assertThat(opened.again()).isTrue();
            assertThat(opened.link()).hasValueSatisfying(link -> assertThat(link.toString())
                    .isEqualTo("https://slack.com/app_redirect?channel=G0MPIM01&team=" + team));
        });
        assertThat(delivered).isEmpty();
        // told once, when the opening was posted; the second press (already open) tells nothing more
        await().atMost(WAIT).until(() -> !settled.isEmpty());
        assertThat(settled).singleElement().isInstanceOfSatisfying(GroupChat.Opened.class, opened -> {
            assertThat(opened.again()).isFalse();
            assertThat(opened.link()).hasValueSatisfying(link -> assertThat(link.toString()).contains("G0MPIM01"));
        });
        assertThat(TestRedis.client().ttl(SlackGroupChats.claimKey(tenant, "story-talk:s1")))
                .isGreaterThan(Duration.ofDays(29).toSeconds());
    }

    @Test
    void aRateLimitReleasesTheClaimAndDeliversBothNotes() {
        SLACK.stubFor(post(urlEqualTo("/api/conversations.open")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "30").withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));

        GroupChat chat = open("story-talk:s2");

        assertThat(chat).isEqualTo(new GroupChat.Opening(Platform.SLACK));
        await().atMost(WAIT).until(() -> delivered.size() == 2);
        assertThat(delivered).containsExactlyElementsOf(notes("story-talk:s2").stream()
                .map(n -> new Delivered(tenant, n, n.key())).toList());
        assertThat(calls(SLACK, "conversations.open")).hasSize(1);
        assertThat(calls(SLACK, "chat.postMessage")).isEmpty();
        assertThat(TestRedis.client().exists(SlackGroupChats.claimKey(tenant, "story-talk:s2"))).isFalse();
        await().atMost(WAIT).until(() -> !settled.isEmpty());
        assertThat(settled).singleElement().isInstanceOfSatisfying(GroupChat.NotPossible.class,
                notPossible -> assertThat(notPossible.reason()).contains("rate limited for 30 s"));
    }

    @Test
    void aBotSlackWillNotDmSettlesAsNotPossibleAfterTheNotes() {
        SLACK.stubFor(post(urlEqualTo("/api/conversations.open")).willReturn(
                okJson("{\"ok\":false,\"error\":\"cannot_dm_bot\"}")));
        List<Integer> deliveredWhenSettled = new CopyOnWriteArrayList<>();

        GroupChat chat = chats.open(tenant, ana, dana, opening, "story-talk:s6", notes("story-talk:s6"), outcome -> {
            deliveredWhenSettled.add(delivered.size());
            settled.add(outcome);
        });

        assertThat(chat).isEqualTo(new GroupChat.Opening(Platform.SLACK));
        await().atMost(WAIT).until(() -> !settled.isEmpty());
        assertThat(settled).singleElement().isInstanceOfSatisfying(GroupChat.NotPossible.class,
                notPossible -> assertThat(notPossible.reason()).contains("cannot_dm_bot"));
        assertThat(deliveredWhenSettled).as("the notes were handed over first").containsExactly(2);
        assertThat(calls(SLACK, "chat.postMessage")).isEmpty();
        assertThat(TestRedis.client().exists(SlackGroupChats.claimKey(tenant, "story-talk:s6"))).isFalse();
    }

    @Test
    void aRefusedPostDeliversTheNotesAndTheNextTryOpensAgain() {
        SLACK.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(
                okJson("{\"ok\":false,\"error\":\"restricted_action\"}")));
        open("story-talk:s3");
        await().atMost(WAIT).until(() -> delivered.size() == 2
                && !TestRedis.client().exists(SlackGroupChats.claimKey(tenant, "story-talk:s3")));
        stubOk(SLACK, "chat.postMessage", "{\"ok\":true,\"channel\":\"G0MPIM01\",\"ts\":\"1.3\"}");

        GroupChat retried = open("story-talk:s3");

        assertThat(retried).isEqualTo(new GroupChat.Opening(Platform.SLACK));
        await().atMost(WAIT).until(() -> "G0MPIM01".equals(claim("story-talk:s3")));
        assertThat(calls(SLACK, "conversations.open")).hasSize(2);
        assertThat(calls(SLACK, "chat.postMessage")).hasSize(2);
        assertThat(delivered).extracting(Delivered::key).containsExactly("story-talk:s3:t", "story-talk:s3:u");
    }

    @Test
    void withoutBothSlackIdentitiesNothingIsCalled() {
        Person teamsOnly = new Person(PersonId.of("lee"), "Lee", "lee@x.example", null, null,
                Map.of(Platform.TEAMS, "aad-lee"));

        GroupChat chat = chats.open(tenant, ana, teamsOnly, opening, "story-talk:s4", notes("story-talk:s4"));

        assertThat(chat).isInstanceOf(GroupChat.NotPossible.class);
        assertThat(SLACK.getAllServeEvents()).isEmpty();
        assertThat(delivered).isEmpty();
        assertThat(TestRedis.client().exists(SlackGroupChats.claimKey(tenant, "story-talk:s4"))).isFalse();
    }

    @Test
    void aSlowSlackDoesNotHoldTheAnswerAndAPressMeanwhileOpensNothingMore() {
        SLACK.stubFor(post(urlEqualTo("/api/conversations.open")).willReturn(
                okJson("{\"ok\":true,\"channel\":{\"id\":\"G0SLOW01\"}}").withFixedDelay(3000)));

        GroupChat chat = open("story-talk:s5");
        // answered before Slack answered: the claim still says "opening" and nothing is posted yet
        String claimWhenAnswered = claim("story-talk:s5");
        List<Map<String, String>> postsWhenAnswered = calls(SLACK, "chat.postMessage");
        GroupChat meanwhile = open("story-talk:s5");

        assertThat(chat).isEqualTo(new GroupChat.Opening(Platform.SLACK));
        assertThat(claimWhenAnswered).isEqualTo("opening");
        assertThat(postsWhenAnswered).isEmpty();
        assertThat(meanwhile).isEqualTo(new GroupChat.Opening(Platform.SLACK));
        await().atMost(WAIT).until(() -> "G0SLOW01".equals(claim("story-talk:s5")));
        assertThat(calls(SLACK, "conversations.open")).hasSize(1);
        assertThat(calls(SLACK, "chat.postMessage")).singleElement()
                .satisfies(post -> assertThat(post.get("channel")).isEqualTo("G0SLOW01"));
        assertThat(delivered).isEmpty();
        await().atMost(WAIT).until(() -> !settled.isEmpty());
        assertThat(settled).as("only the press that started it hears how it ended").singleElement()
                .isInstanceOf(GroupChat.Opened.class);
    }
}
