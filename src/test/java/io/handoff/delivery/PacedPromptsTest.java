package io.handoff.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.handoff.chat.Action;
import io.handoff.chat.Block;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Heading;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Paragraph;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.TenantId;
import io.handoff.scheduler.JobInfo;
import io.handoff.scheduler.JobState;
import io.handoff.scheduler.Scheduler;
import io.handoff.scheduler.SchedulerProperties;
import io.handoff.scheduler.SchedulerWorker;
import io.handoff.settings.TenantSettingsStore;
import io.handoff.survey.PreferencesStore;
import io.handoff.testing.AllSettings;
import io.handoff.testing.MutableClock;
import io.handoff.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Pacing of Handoff's prompts against a real Redis, a real worker and a platform stubbed with WireMock: prompts due
 * for one person together go out as one message holding each prompt's own buttons; the weekly cap counts that
 * message once across every kind of prompt; a prompt soon after waits for the next round; what does not fit waits
 * too, never dropped; a colleague's action is neither merged nor paced; the decision log says so in words.
 */
class PacedPromptsTest {
    /** Tuesday 10:00 in London: working hours. */
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TenantId tenant = TestRedis.uniqueTenant();
    private final MutableClock clock = new MutableClock(START);
    private final RedisGraphStore graph = new RedisGraphStore(TestRedis.client());
    private final Scheduler scheduler = new Scheduler(TestRedis.client(), clock, Duration.ofDays(7));
    private final PromptPacing pacing = new PromptPacing(TestRedis.client(), Duration.ofHours(1));
    private final Outbox outbox = new Outbox(scheduler, pacing);
    private final DecisionLog decisions = new DecisionLog(TestRedis.client());
    private final TenantSettingsStore settings = AllSettings.store(TestRedis.client());
    private final DeliveryRules rules = new DeliveryRules(TestRedis.client(), settings, List.of(),
            new PreferencesStore(TestRedis.client()), clock);
    private final WireMockServer platform = new WireMockServer(wireMockConfig().dynamicPort());
    private SchedulerWorker worker;

    @BeforeEach
    void start() {
        platform.start();
        platform.stubFor(post(urlEqualTo("/send")).willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));
        graph.savePerson(tenant, new Person(PersonId.of("pat"), "Pat", null, null, ZoneId.of("Europe/London"), Map.of()));
        OutboxSender sender = new OutboxSender(graph,
                List.of(new HttpTestSender(Platform.SLACK, URI.create(platform.baseUrl() + "/send"))),
                new PlatformPreference(TestRedis.client()), new RateLimits(TestRedis.client(), Map.of(), Duration.ZERO),
                rules, decisions, new DeliveryMetrics(new SimpleMeterRegistry()), clock, 3,
                RateLimitedRetries.defaults(), new OutboxSender.Paced(pacing, scheduler));
        worker = new SchedulerWorker(scheduler, List.of(sender),
                SchedulerProperties.defaults().withThreads(3, 3).withPollInterval(Duration.ofMillis(20)),
                () -> List.of(tenant));
        worker.start();
    }

    @AfterEach
    void stop() {
        worker.stop();
        platform.stop();
    }

    @Test
    void threePromptsOfOneTickGoOutAsOneMessageHoldingEachPromptsButtons() throws Exception {
        // as the daily tick queues them: most important first, two seconds apart
        outbox.enqueue(tenant, prompt("friction-poll:2026-W48:sam>pat", "How was what Sam hands you?", "friction.score"),
                "friction-poll:2026-W48:sam>pat", MessageKind.NUDGE, START.plusSeconds(2));
        outbox.enqueue(tenant, prompt("prompt:story:pat>dana:pat:2026-W48", "Walk Dana through your morning",
                "story.start"), "prompt:story:pat>dana:pat:2026-W48", MessageKind.NUDGE, START.plusSeconds(4));
        outbox.enqueue(tenant, prompt("survey-reminder:pat:20416", "Who depends on your work?", "survey.start"),
                "survey-reminder:pat:20416", MessageKind.NUDGE, START.plusSeconds(6));

        clock.advance(Duration.ofSeconds(2));
        await(() -> platform.getAllServeEvents().size() == 1 && scheduler.leased(tenant) == 0);
        clock.advance(Duration.ofSeconds(4));
        await(() -> allDone("friction-poll:2026-W48:sam>pat", "prompt:story:pat>dana:pat:2026-W48",
                "survey-reminder:pat:20416"));
        Thread.sleep(200);

        assertThat(platform.getAllServeEvents()).as("one platform call for the three prompts").hasSize(1);
        JsonNode sent = body(platform.getAllServeEvents().get(0));
        assertThat(sent.path("to").asString()).isEqualTo("pat");
        assertThat(actionIds(sent)).as("each prompt keeps its own button")
                .containsExactly("friction.score", "story.start", "survey.start");
        assertThat(headings(sent)).as("one heading for the message").containsExactly("Handoff has three things for you");
        assertThat(sent.toString()).contains("How was what Sam hands you?", "Walk Dana through your morning",
                "Who depends on your work?");
        assertThat(rules.nudgesThisWeek(tenant, PersonId.of("pat"))).as("the merged message counts once").isEqualTo(1);

        List<DecisionLog.Entry> log = decisions.recent(tenant, 10);
        assertThat(log).filteredOn(e -> e.verdict() == Decision.Verdict.SEND).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("sent on slack, one message holding a friction poll, "
                        + "a story prompt, a survey reminder"));
        assertThat(log).filteredOn(e -> e.verdict() == Decision.Verdict.MERGED).extracting(DecisionLog.Entry::reason)
                .containsExactlyInAnyOrder(
                        "merged into one message with a friction poll, a survey reminder (sent on slack)",
                        "merged into one message with a friction poll, a story prompt (sent on slack)");
    }

    @Test
    void promptsClaimedTogetherBySeveralWorkerThreadsStillMakeOneMessage() throws Exception {
        for (String key : List.of("friction-poll:w:a>pat", "friction-poll:w:b>pat", "friction-poll:w:c>pat")) {
            outbox.enqueue(tenant, prompt(key, "Poll " + key, "friction.score"), key, MessageKind.NUDGE,
                    START.plusSeconds(1));
        }
        clock.advance(Duration.ofSeconds(1)); // all three due at once, as after a night of quiet hours
        await(() -> platform.getAllServeEvents().size() == 1 && scheduler.leased(tenant) == 0);
        clock.advance(OutboxSender.WAIT_FOR_LEADER.plusSeconds(1));
        await(() -> allDone("friction-poll:w:a>pat", "friction-poll:w:b>pat", "friction-poll:w:c>pat"));
        Thread.sleep(200);

        assertThat(platform.getAllServeEvents()).hasSize(1);
        assertThat(body(platform.getAllServeEvents().get(0)).toString())
                .contains("Poll friction-poll:w:a>pat", "Poll friction-poll:w:b>pat", "Poll friction-poll:w:c>pat");
    }

    @Test
    void aPromptSoonAfterTheLastWaitsForTheNextRoundButAColleaguesActionGoesAtOnce() throws Exception {
        outbox.nudge(tenant, prompt("friction-poll:w:sam>pat", "How was it?", "friction.score"),
                "friction-poll:w:sam>pat");
        await(() -> allDone("friction-poll:w:sam>pat"));

        clock.advance(Duration.ofMinutes(10));
        outbox.deliver(tenant, prompt("confirm:dana>pat:x", "Dana named you", "survey.confirm"), "confirm:dana>pat:x");
        outbox.nudge(tenant, prompt("prompt:story:pat>dana:pat:w", "Tell Dana a story", "story.start"),
                "prompt:story:pat>dana:pat:w");
        await(() -> allDone("confirm:dana>pat:x") && waitingWith("prompt:story:pat>dana:pat:w", "paced"));
        assertThat(platform.getAllServeEvents()).as("the colleague's message went at once, on its own").hasSize(2);
        assertThat(body(platform.getAllServeEvents().get(0)).path("text").asString()).isEqualTo("Dana named you");
        assertThat(decisions.recent(tenant, 10)).filteredOn(e -> e.verdict() == Decision.Verdict.DEFER)
                .singleElement().satisfies(e -> {
                    assertThat(e.reason()).isEqualTo("paced: one prompt message per hour (the last went 10 min ago), "
                            + "so this waits for the next round");
                    assertThat(e.until()).hasValue(START.plus(Duration.ofHours(1)));
                });

        clock.advance(Duration.ofMinutes(50));
        await(() -> allDone("prompt:story:pat>dana:pat:w"));
        assertThat(platform.getAllServeEvents()).hasSize(3);
        assertThat(body(platform.getAllServeEvents().get(0)).path("text").asString()).isEqualTo("Tell Dana a story");
    }

    @Test
    void theWeeklyCapCountsAMergedMessageOnceAcrossEveryKindOfPrompt() throws Exception {
        settings.save(tenant, settings.settings(tenant).with(DeliverySettings.WEEKLY_CAP, 2));
        for (String key : List.of("friction-poll:w:sam>pat", "prompt:story:pat>dana:pat:w", "survey-reminder:pat:1")) {
            outbox.enqueue(tenant, prompt(key, "About " + key, "answer"), key, MessageKind.NUDGE, START.plusSeconds(1));
        }
        clock.advance(Duration.ofSeconds(1));
        await(() -> platform.getAllServeEvents().size() == 1 && scheduler.leased(tenant) == 0);
        assertThat(body(platform.getAllServeEvents().get(0)).toString()).contains("About friction-poll:w:sam>pat",
                "About prompt:story:pat>dana:pat:w", "About survey-reminder:pat:1");
        assertThat(rules.nudgesThisWeek(tenant, PersonId.of("pat"))).isEqualTo(1);

        clock.advance(Duration.ofHours(2));
        outbox.nudge(tenant, prompt("report-digest:w:pat", "Your team this week", "report.open"), "report-digest:w:pat");
        await(() -> allDone("report-digest:w:pat"));
        clock.advance(Duration.ofHours(2));
        outbox.nudge(tenant, prompt("pause-question:pat:1", "Pause for a while?", "pause.ask"), "pause-question:pat:1");
        await(() -> waitingWith("pause-question:pat:1", "weekly cap of 2"));

        assertThat(platform.getAllServeEvents()).as("three kinds in one message, a digest, then the cap").hasSize(2);
        assertThat(rules.nudgesThisWeek(tenant, PersonId.of("pat"))).isEqualTo(2);
    }

    @Test
    void whatDoesNotFitInOneMessageWaitsForTheNextRoundAndIsNotDropped() throws Exception {
        List<String> keys = List.of("prompt:story:a>pat:pat:w", "prompt:story:b>pat:pat:w",
                "prompt:story:c>pat:pat:w", "prompt:story:d>pat:pat:w");
        for (int i = 0; i < keys.size(); i++) {
            outbox.enqueue(tenant, long_(keys.get(i), "story-" + i), keys.get(i), MessageKind.NUDGE,
                    START.plusSeconds(1 + i));
        }
        clock.advance(Duration.ofSeconds(1));
        await(() -> platform.getAllServeEvents().size() == 1 && scheduler.leased(tenant) == 0);
        clock.advance(Duration.ofSeconds(5));
        await(() -> allDone(keys.get(1)) && waitingWith(keys.get(2), "paced") && waitingWith(keys.get(3), "paced"));
        assertThat(actionIds(body(platform.getAllServeEvents().get(0)))).containsExactly("story-0", "story-1");
        assertThat(decisions.recent(tenant, 10)).filteredOn(e -> e.verdict() == Decision.Verdict.SEND).singleElement()
                .satisfies(e -> assertThat(e.reason()).endsWith("; 2 more waiting for the next round (the message was full)"));

        clock.advance(Duration.ofHours(1));
        await(() -> platform.getAllServeEvents().size() == 2 && scheduler.leased(tenant) == 0);
        clock.advance(OutboxSender.WAIT_FOR_LEADER.plusSeconds(1));
        await(() -> allDone(keys.toArray(String[]::new)));
        Thread.sleep(200);
        assertThat(platform.getAllServeEvents()).hasSize(2);
        List<String> second = new ArrayList<>(actionIds(body(platform.getAllServeEvents().get(0))));
        assertThat(second).containsExactlyInAnyOrder("story-2", "story-3");
    }

    /** A prompt with a heading, a line and one button. */
    private static Notification prompt(String key, String text, String actionId) {
        return new Notification(PersonId.of("pat"), new Message(text, List.of(new Heading("About " + text),
                Paragraph.of(text), Buttons.of(Button.primary("Answer", new Action(actionId, key))))), key);
    }

    /** A prompt of ten blocks: two of them fill a message. */
    private static Notification long_(String key, String actionId) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            blocks.add(Paragraph.of("Line " + i + " of " + key));
        }
        blocks.add(Buttons.of(Button.primary("Tell a story", new Action(actionId, key))));
        return new Notification(PersonId.of("pat"), new Message(key, blocks), key);
    }

    private boolean allDone(String... keys) {
        for (String key : keys) {
            if (outbox.status(tenant, key).map(JobInfo::state).orElse(null) != JobState.DONE) {
                return false;
            }
        }
        return true;
    }

    private boolean waitingWith(String key, String note) {
        return outbox.status(tenant, key).filter(info -> info.state() == JobState.DUE)
                .filter(info -> info.note() != null && info.note().startsWith(note)).isPresent();
    }

    private static JsonNode body(ServeEvent event) {
        return JSON.readTree(event.getRequest().getBodyAsString());
    }

    private static List<String> actionIds(JsonNode sent) {
        List<String> ids = new ArrayList<>();
        sent.findValues("action").forEach(a -> ids.add(a.path("id").asString()));
        if (ids.isEmpty()) {
            sent.findValues("actionId").forEach(a -> ids.add(a.asString()));
        }
        return ids;
    }

    private static List<String> headings(JsonNode sent) {
        List<String> headings = new ArrayList<>();
        for (JsonNode block : sent.path("message").path("blocks")) {
            if ("heading".equals(block.path("type").asString())) {
                headings.add(block.path("text").asString());
            }
        }
        return headings;
    }

    private static void await(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in time");
            }
            Thread.sleep(10);
        }
    }
}
