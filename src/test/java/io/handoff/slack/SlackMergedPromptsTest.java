package io.handoff.slack;

import static io.handoff.slack.SlackTestSupport.calls;
import static io.handoff.slack.SlackTestSupport.stubOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.handoff.chat.Action;
import io.handoff.chat.Button;
import io.handoff.chat.Buttons;
import io.handoff.chat.Heading;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.chat.Paragraph;
import io.handoff.delivery.DecisionLog;
import io.handoff.delivery.DeliveryMetrics;
import io.handoff.delivery.DeliveryRules;
import io.handoff.delivery.MessageKind;
import io.handoff.delivery.Outbox;
import io.handoff.delivery.OutboxSender;
import io.handoff.delivery.PlatformPreference;
import io.handoff.delivery.PromptPacing;
import io.handoff.delivery.RateLimits;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.RedisGraphStore;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.scheduler.Scheduler;
import io.handoff.scheduler.SchedulerProperties;
import io.handoff.scheduler.SchedulerWorker;
import io.handoff.survey.PreferencesStore;
import io.handoff.testing.AllSettings;
import io.handoff.testing.MutableClock;
import io.handoff.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19, pacing, on Slack: three prompts due for one person in one tick reach Slack's Web API (WireMock) as one
 * chat.postMessage, within Slack's 50 blocks, with one header and each prompt's own buttons (their action ids and
 * values, by which Bolt routes a click to that prompt's answer).
 */
class SlackMergedPromptsTest {
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    private final GraphStore graph = new RedisGraphStore(TestRedis.client());
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final MutableClock clock = new MutableClock(START);
    private final Scheduler scheduler = new Scheduler(TestRedis.client(), clock, Duration.ofDays(7));
    private final PromptPacing pacing = new PromptPacing(TestRedis.client(), Duration.ofHours(1));
    private final Outbox outbox = new Outbox(scheduler, pacing);
    private SchedulerWorker worker;

    @BeforeEach
    void start() {
        SLACK.resetAll();
        stubOk(SLACK, "chat.postMessage", "{\"ok\":true,\"channel\":\"D0DANA\",\"ts\":\"1.2\"}");
        graph.saveTenant(new Tenant(tenant, "Pacing on Slack", null, SlackTestSupport.slackId('T'), null,
                Instant.now()));
        graph.savePerson(tenant, new Person(PersonId.of("dana"), "Dana Kowalski", null, null,
                java.time.ZoneId.of("Europe/London"), Map.of(Platform.SLACK, "UDANA")));
        SlackSender slack = new SlackSender(SlackTestSupport.slack(SLACK),
                SlackTestSupport.workspaces(graph, SLACK, "xoxb-pacing"));
        DeliveryRules rules = new DeliveryRules(TestRedis.client(), AllSettings.store(TestRedis.client()), List.of(),
                new PreferencesStore(TestRedis.client()), clock);
        OutboxSender sender = new OutboxSender(graph, List.of(slack), new PlatformPreference(TestRedis.client()),
                new RateLimits(TestRedis.client(), Map.of(), Duration.ZERO), rules, new DecisionLog(TestRedis.client()),
                new DeliveryMetrics(new SimpleMeterRegistry()), clock, 3,
                new OutboxSender.Paced(pacing, scheduler));
        worker = new SchedulerWorker(scheduler, List.of(sender),
                SchedulerProperties.defaults().withThreads(2, 2).withPollInterval(Duration.ofMillis(20)),
                () -> List.of(tenant));
        worker.start();
    }

    @AfterEach
    void stop() {
        worker.stop();
    }

    @Test
    void threePromptsOfOneTickAreOneChatPostMessageWithEachPromptsButtons() throws Exception {
        outbox.enqueue(tenant, prompt("friction-poll:2026-W48:sam>dana", "How was what Sam hands you this week?",
                "friction.answer", "3"), "friction-poll:2026-W48:sam>dana", MessageKind.NUDGE, START.plusSeconds(2));
        outbox.enqueue(tenant, prompt("prompt:story:dana>pat:dana:2026-W48", "Walk Pat through your morning",
                "story.start", "pat"), "prompt:story:dana>pat:dana:2026-W48", MessageKind.NUDGE, START.plusSeconds(4));
        outbox.enqueue(tenant, prompt("survey-reminder:dana:20416", "Who depends on your work?", "survey.start", ""),
                "survey-reminder:dana:20416", MessageKind.NUDGE, START.plusSeconds(6));

        clock.advance(Duration.ofSeconds(2));
        await(() -> calls(SLACK, "chat.postMessage").size() == 1 && scheduler.leased(tenant) == 0);
        clock.advance(Duration.ofSeconds(4));
        await(() -> scheduler.waiting(tenant) == 0 && scheduler.leased(tenant) == 0);
        Thread.sleep(200);

        List<Map<String, String>> posts = calls(SLACK, "chat.postMessage");
        assertThat(posts).as("one platform call for three prompts").hasSize(1);
        assertThat(posts.get(0).get("channel")).isEqualTo("UDANA");
        JsonNode blocks = SlackTestSupport.json(posts.get(0).get("blocks"));
        assertThat(blocks.size()).isLessThanOrEqualTo(50);
        List<String> headers = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (JsonNode block : blocks) {
            if ("header".equals(block.path("type").asString())) {
                headers.add(block.path("text").path("text").asString());
            }
            for (JsonNode element : block.path("elements")) {
                if ("button".equals(element.path("type").asString())) {
                    // BlockKit suffixes "|n" (unique within a block) and strips it when the click comes back
                    actions.add(element.path("action_id").asString().replaceAll("\\|\\d+$", "") + "="
                            + element.path("value").asString());
                }
            }
        }
        assertThat(headers).containsExactly("Handoff has three things for you");
        assertThat(actions).containsExactly("friction.answer=3", "story.start=pat", "survey.start=");
        assertThat(blocks.toString()).contains("How was what Sam hands you this week?",
                "Walk Pat through your morning", "Who depends on your work?");
    }

    private static Notification prompt(String key, String text, String actionId, String value) {
        return new Notification(PersonId.of("dana"), new Message(text, List.of(new Heading(text),
                Paragraph.of("Two minutes, when it suits you."),
                Buttons.of(Button.primary("Answer", new Action(actionId, value))))), key);
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
