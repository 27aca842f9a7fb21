package io.handoff.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.handoff.slack.SlackTestSupport.calls;
import static io.handoff.slack.SlackTestSupport.interactive;
import static io.handoff.slack.SlackTestSupport.json;
import static io.handoff.slack.SlackTestSupport.okJson;
import static io.handoff.slack.SlackTestSupport.postSigned;
import static io.handoff.slack.SlackTestSupport.postsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.empathy.Story;
import io.handoff.empathy.StoryStore;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.settings.TenantSettingsStore;
import io.handoff.testing.AroundTheClock;
import io.handoff.testing.TestRedis;

/**
 * "Let's talk" on Slack, through signed requests: the upstream's press is answered first, then the group DM of the two
 * and the app is opened in the background (conversations.open with both user ids, WireMock) and the story posted
 * there, escaped; when Slack refuses, each of the two gets a note through the outbox instead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackLetsTalkTest {
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
        SlackTestSupport.registerSingleWorkspace(registry, SLACK, "xoxb-test-lets-talk");
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    @Autowired
    StoryStore stories;

    @Autowired
    TenantSettingsStore settings;

    @BeforeEach
    void messagesGoOutWhateverTheHour() {
        AroundTheClock.workAroundTheClock(settings, TENANT);
    }

    /** The upstream (Ana) and the teller (Dana) of one test, with fresh Slack ids. */
    private record Pair(String ana, String dana, PersonId anaId, PersonId danaId) {
    }

    private Pair people() {
        if (graph.tenant(TENANT).isEmpty()) {
            graph.saveTenant(new Tenant(TENANT, "Acme Parcels", null, TEAM, null, Instant.now()));
        }
        String ana = SlackTestSupport.slackId('U');
        String dana = SlackTestSupport.slackId('U');
        PersonId anaId = PersonId.of("ana-" + ana.toLowerCase(Locale.ROOT));
        PersonId danaId = PersonId.of("dana-" + dana.toLowerCase(Locale.ROOT));
        graph.savePerson(TENANT, new Person(anaId, "Ana Silva", null, null, null, Map.of(Platform.SLACK, ana)));
        graph.savePerson(TENANT, new Person(danaId, "Dana Kowalski", danaId.value() + "@acme.example", null, null,
                Map.of(Platform.SLACK, dana)));
        return new Pair(ana, dana, anaId, danaId);
    }

    private String sentStory(Pair pair, boolean anonymous) {
        String id = StoryStore.newId();
        Story draft = Story.draft(id, pair.anaId(), pair.danaId(), "loaded trucks",
                new Story.Written("Good day: drop order. Bad day: <!channel> I re-sort *forty* parcels.", 4, anonymous,
                        false), Instant.now());
        assertThat(stories.saveDraft(TENANT, draft)).isTrue();
        assertThat(stories.markSent(TENANT, draft, Instant.now())).isTrue();
        return id;
    }

    private HttpResponse<String> press(String slackUser, String actionId, String value) throws Exception {
        return postSigned(port, interactive("""
                {"type":"block_actions","api_app_id":"A0HANDOFF","team":{"id":"%s","domain":"acme"},
                 "user":{"id":"%s","team_id":"%s"},"trigger_id":"trig-talk","container":{"type":"message"},
                 "channel":{"id":"D0ANY"},"actions":[{"type":"button","block_id":"b1","action_id":"%s|2",
                 "value":"%s","action_ts":"1700000001.0001"}]}"""
                .formatted(TEAM, slackUser, TEAM, actionId, value)), FORM, Map.of());
    }

    private static void stubOpen(Pair pair, String channel) {
        stubOpen(pair, channel, 0);
    }

    private static void stubOpen(Pair pair, String channel, int delayMillis) {
        SLACK.stubFor(post(urlEqualTo("/api/conversations.open"))
                .withFormParam("users", equalTo(pair.ana() + "," + pair.dana()))
                .willReturn(okJson("{\"ok\":true,\"channel\":{\"id\":\"" + channel + "\"}}")
                        .withFixedDelay(delayMillis)));
    }

    private static String claim(String storyId) {
        return TestRedis.client().get(SlackGroupChats.claimKey(TENANT, "story-talk:" + storyId));
    }

    private static List<Map<String, String>> opens(Pair pair) {
        return calls(SLACK, "conversations.open").stream()
                .filter(call -> (pair.ana() + "," + pair.dana()).equals(call.get("users"))).toList();
    }

    @Test
    void letsTalkIsAnsweredFirstThenOpensTheGroupDmOfTheTwoOnceWithTheStoryEscaped() throws Exception {
        Pair pair = people();
        String mpim = SlackTestSupport.slackId('G');
        stubOpen(pair, mpim, 3000); // Slack answers conversations.open only after 3 s
        String id = sentStory(pair, false);

        assertThat(press(pair.ana(), "story.react", id + ":talk").statusCode()).isEqualTo(200);
        // the button was answered before Slack answered conversations.open: nothing is posted, the claim is pending
        assertThat(postsTo(SLACK, mpim)).isEmpty();
        assertThat(claim(id)).isEqualTo("opening");
        assertThat(stories.talk(TENANT, id)).hasValue("opening"); // not yet "chat:slack": nothing is posted
        assertThat(press(pair.ana(), "story.react", id + ":talk").statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).until(() -> mpim.equals(claim(id)));
        assertThat(opens(pair)).hasSize(1);
        List<Map<String, String>> posts = postsTo(SLACK, mpim);
        assertThat(posts).hasSize(1);
        String blocks = json(posts.get(0).get("blocks")).toString();
        assertThat(blocks).contains("loaded trucks").contains("&lt;!channel&gt;").doesNotContain("<!channel>")
                .contains("Ana Silva read Dana Kowalski's story");
        assertThat(posts.get(0).get("text")).contains("loaded trucks");
        await().atMost(Duration.ofSeconds(10)).until(() -> postsTo(SLACK, pair.ana()).stream()
                .anyMatch(p -> p.get("text").equals("I'm opening a group DM with you, Dana and me \u2014 it will"
                        + " appear in your Slack sidebar in a moment.")));
        // Dana hears of the reaction as before, and gets no separate note to find a moment
        await().atMost(Duration.ofSeconds(10)).until(() -> postsTo(SLACK, pair.dana()).stream()
                .anyMatch(p -> p.get("text").startsWith("Ana read your story")));
        assertThat(postsTo(SLACK, pair.dana())).noneMatch(p -> p.get("text").startsWith("You and"));
        assertThat(postsTo(SLACK, pair.ana())).noneMatch(p -> p.get("text").startsWith("You and"));
        await().atMost(Duration.ofSeconds(10)).until(() -> stories.talk(TENANT, id).equals(Optional.of("chat:slack")));
    }

    @Test
    void whenSlackRefusesTheGroupDmEachGetsANoteInstead() throws Exception {
        Pair pair = people();
        SLACK.stubFor(post(urlEqualTo("/api/conversations.open"))
                .withFormParam("users", equalTo(pair.ana() + "," + pair.dana()))
                .willReturn(okJson("{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"mpim:write\"}")));
        String id = sentStory(pair, false);

        assertThat(press(pair.ana(), "story.react", id + ":talk").statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> postsTo(SLACK, pair.dana()).stream()
                .anyMatch(p -> p.get("text").startsWith("You and Ana Silva would like to talk about the loaded trucks")));
        await().atMost(Duration.ofSeconds(10)).until(() -> postsTo(SLACK, pair.ana()).stream()
                .anyMatch(p -> p.get("text").startsWith("You and Dana Kowalski would like to talk")
                        && p.get("text").contains(pair.danaId().value() + "@acme.example")));
        assertThat(opens(pair)).hasSize(1);
        assertThat(postsTo(SLACK, pair.ana())).anyMatch(p -> p.get("text").startsWith("I'm opening a group DM"));
        // the story says what happened: notes, from the background failure (a group DM was only tried)
        await().atMost(Duration.ofSeconds(10)).until(() -> stories.talk(TENANT, id).equals(Optional.of("notes")));
        await().atMost(Duration.ofSeconds(10)).until(() -> claim(id) == null);
    }

    @Test
    void whenSlackWillNotDmTheBotTheStorySaysNotes() throws Exception {
        Pair pair = people();
        SLACK.stubFor(post(urlEqualTo("/api/conversations.open"))
                .withFormParam("users", equalTo(pair.ana() + "," + pair.dana()))
                .willReturn(okJson("{\"ok\":false,\"error\":\"cannot_dm_bot\"}").withFixedDelay(1500)));
        String id = sentStory(pair, false);

        assertThat(press(pair.ana(), "story.react", id + ":talk").statusCode()).isEqualTo(200);
        assertThat(stories.talk(TENANT, id)).hasValue("opening");

        await().atMost(Duration.ofSeconds(10)).until(() -> stories.talk(TENANT, id).equals(Optional.of("notes")));
        assertThat(opens(pair)).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> postsTo(SLACK, pair.dana()).stream()
                .anyMatch(p -> p.get("text").startsWith("You and Ana Silva would like to talk")));
    }

    @Test
    void anAnonymousTellerGetsNoGroupDmUntilTheyChooseToTalk() throws Exception {
        Pair pair = people();
        String mpim = SlackTestSupport.slackId('G');
        stubOpen(pair, mpim);
        String id = sentStory(pair, true);

        press(pair.ana(), "story.react", id + ":talk");
        await().atMost(Duration.ofSeconds(10)).until(() -> postsTo(SLACK, pair.dana()).stream()
                .anyMatch(p -> p.get("text").startsWith("Ana read your story")));
        assertThat(opens(pair)).isEmpty();
        assertThat(postsTo(SLACK, mpim)).isEmpty();

        assertThat(press(pair.dana(), "story.reveal", id).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> mpim.equals(claim(id)));
        assertThat(opens(pair)).hasSize(1);
        assertThat(postsTo(SLACK, mpim)).singleElement().satisfies(p ->
                assertThat(json(p.get("blocks")).toString()).contains("Dana Kowalski"));
        await().atMost(Duration.ofSeconds(10)).until(() -> postsTo(SLACK, pair.dana()).stream()
                .anyMatch(p -> p.get("text").startsWith("Ana now knows the story is yours. I'm opening a group DM")));
    }
}
