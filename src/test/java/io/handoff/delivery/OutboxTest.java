package io.handoff.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.handoff.chat.Message;
import io.handoff.chat.Notification;
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
import io.handoff.survey.PreferencesStore;
import io.handoff.testing.MutableClock;
import io.handoff.testing.AllSettings;
import io.handoff.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The outbox end to end: Redis-stored messages, a worker, the rules, and a platform stubbed with WireMock. */
class OutboxTest {
    /** Tuesday 10:00 in London: working hours. */
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    private final TenantId tenant = TestRedis.uniqueTenant();
    private final MutableClock clock = new MutableClock(START);
    private final RedisGraphStore graph = new RedisGraphStore(TestRedis.client());
    private final Scheduler scheduler = new Scheduler(TestRedis.client(), clock, Duration.ofDays(7));
    private final Outbox outbox = new Outbox(scheduler);
    private final DecisionLog decisions = new DecisionLog(TestRedis.client());
    private final DeliveryMetrics metrics = new DeliveryMetrics(new SimpleMeterRegistry());
    private final WireMockServer platform = new WireMockServer(wireMockConfig().dynamicPort());
    private SchedulerWorker worker;

    @BeforeEach
    void start() {
        platform.start();
        platform.stubFor(post(urlEqualTo("/send")).willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));
        graph.savePerson(tenant, new Person(PersonId.of("pat"), "Pat", null, null, ZoneId.of("Europe/London"), Map.of()));
        graph.savePerson(tenant, new Person(PersonId.of("kenji"), "Kenji", null, null, ZoneId.of("Asia/Tokyo"), Map.of()));
        DeliveryRules rules = new DeliveryRules(TestRedis.client(), AllSettings.store(TestRedis.client()),
                List.of(), new PreferencesStore(TestRedis.client()), clock);
        OutboxSender sender = new OutboxSender(graph,
                List.of(new HttpTestSender(Platform.SLACK, URI.create(platform.baseUrl() + "/send"))),
                new PlatformPreference(TestRedis.client()), new RateLimits(TestRedis.client(), Map.of(), Duration.ZERO),
                rules, decisions, metrics, clock, 3);
        worker = new SchedulerWorker(scheduler, List.of(sender),
                SchedulerProperties.defaults().withThreads(2, 2).withPollInterval(Duration.ofMillis(20)),
                () -> List.of(tenant));
        worker.start();
    }

    @AfterEach
    void stop() {
        worker.stop();
        platform.stop();
    }

    @Test
    void theSameKeyTwiceIsSentOnce() throws Exception {
        assertThat(outbox.nudge(tenant, note("pat", "Tell us a story"), "story:pat:w48")).isTrue();
        assertThat(outbox.nudge(tenant, note("pat", "Tell us a story"), "story:pat:w48")).isFalse();
        assertThat(outbox.summary(tenant, "story:pat:w48")).isIn(Optional.of("Tell us a story"), Optional.empty());
        await(() -> state("story:pat:w48") == JobState.DONE);
        assertThat(outbox.summary(tenant, "story:pat:w48")).as("no message text outlives its delivery").isEmpty();
        outbox.deliver(tenant, note("pat", "Tell us a story"), "story:pat:w48");
        Thread.sleep(300);

        platform.verify(1, postRequestedFor(urlEqualTo("/send")));
        platform.verify(postRequestedFor(urlEqualTo("/send"))
                .withRequestBody(matchingJsonPath("$.to", equalTo("pat")))
                .withRequestBody(matchingJsonPath("$.text", equalTo("Tell us a story"))));
        assertThat(metrics.count("handoff.outbox.sent")).isEqualTo(1);
        assertThat(decisions.recent(tenant, 10)).singleElement()
                .satisfies(entry -> assertThat(entry.verdict()).isEqualTo(Decision.Verdict.SEND))
                .satisfies(entry -> assertThat(entry.reason()).isEqualTo("sent on slack"));
    }

    @Test
    void aRetryAfterFromThePlatformIsHonoured() throws Exception {
        platform.stubFor(post(urlEqualTo("/send")).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30"))
                .willSetStateTo("calm"));
        platform.stubFor(post(urlEqualTo("/send")).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(aResponse().withStatus(200)));

        outbox.deliver(tenant, note("pat", "Dana says you hand her the loaded truck"), "confirm:pat>dana");
        await(() -> platform.getAllServeEvents().size() == 1 && scheduler.leased(tenant) == 0);
        JobInfo waiting = outbox.status(tenant, "confirm:pat>dana").orElseThrow();
        clock.advance(Duration.ofSeconds(29));
        Thread.sleep(300);
        int beforeRetryAfter = platform.getAllServeEvents().size();
        clock.advance(Duration.ofSeconds(1));
        await(() -> state("confirm:pat>dana") == JobState.DONE);

        assertThat(waiting.state()).isEqualTo(JobState.DUE);
        assertThat(waiting.job().dueAt()).isEqualTo(START.plusSeconds(30));
        assertThat(waiting.job().failures()).isZero();
        assertThat(beforeRetryAfter).isEqualTo(1);
        platform.verify(2, postRequestedFor(urlEqualTo("/send")));
        assertThat(metrics.count("handoff.outbox.retried")).isEqualTo(1);
    }

    @Test
    void afterItsLastFailureAMessageIsADeadLetterAndReplaySendsIt() throws Exception {
        platform.stubFor(post(urlEqualTo("/send")).willReturn(aResponse().withStatus(503)));

        outbox.deliver(tenant, note("pat", "Please confirm"), "confirm:pat>sam");
        for (int attempt = 1; attempt <= 3; attempt++) {
            int expected = attempt;
            await(() -> platform.getAllServeEvents().size() == expected && scheduler.leased(tenant) == 0);
            clock.advance(Duration.ofHours(1));
        }
        await(() -> state("confirm:pat>sam") == JobState.DEAD);
        List<DeadLetter> dead = outbox.deadLetters(tenant, 10);

        assertThat(dead).singleElement().satisfies(letter -> {
            assertThat(letter.id()).isEqualTo(Outbox.jobId("confirm:pat>sam"));
            assertThat(letter.to()).hasValue("pat");
            assertThat(letter.key()).hasValue("confirm:pat>sam");
            assertThat(letter.summary()).hasValue("Please confirm");
            assertThat(letter.failures()).isEqualTo(3);
            assertThat(letter.lastError()).contains("503");
        });
        assertThat(metrics.count("handoff.outbox.dead_lettered")).isEqualTo(1);
        assertThat(metrics.count("handoff.outbox.retried")).isEqualTo(2);

        platform.stubFor(post(urlEqualTo("/send")).willReturn(aResponse().withStatus(200)));
        assertThat(outbox.replay(tenant, dead.get(0).id())).isTrue();
        await(() -> state("confirm:pat>sam") == JobState.DONE);
        platform.verify(4, postRequestedFor(urlEqualTo("/send")));
        assertThat(outbox.deadLetters(tenant, 10)).isEmpty();
    }

    @Test
    void aPausedPersonGetsNothing() throws Exception {
        TestRedis.client().hset("handoff:{" + tenant.value() + "}:prefs:pat",
                Map.of("paused-until", START.plus(Duration.ofDays(14)).toString()));

        outbox.nudge(tenant, note("pat", "How was your week?"), "friction:pat:w48");
        await(() -> state("friction:pat:w48") == JobState.DONE);

        platform.verify(0, postRequestedFor(urlEqualTo("/send")));
        assertThat(outbox.status(tenant, "friction:pat:w48").orElseThrow().note()).isEqualTo("dropped: paused");
        assertThat(decisions.recent(tenant, 1).get(0).verdict()).isEqualTo(Decision.Verdict.DROP);
    }

    @Test
    void aNudgeAtNightInTokyoWaitsForTheMorningThere() throws Exception {
        clock.set(Instant.parse("2026-11-24T13:00:00Z")); // 22:00 in Tokyo

        outbox.nudge(tenant, note("kenji", "Who depends on your work?"), "survey:kenji:1");
        await(() -> outbox.status(tenant, "survey:kenji:1").orElseThrow().note().equals("quiet hours")
                && scheduler.leased(tenant) == 0);
        JobInfo deferred = outbox.status(tenant, "survey:kenji:1").orElseThrow();
        platform.verify(0, postRequestedFor(urlEqualTo("/send")));
        clock.set(Instant.parse("2026-11-25T00:00:00Z")); // 09:00 in Tokyo
        await(() -> state("survey:kenji:1") == JobState.DONE);

        assertThat(deferred.job().dueAt()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        platform.verify(1, postRequestedFor(urlEqualTo("/send")).withRequestBody(matchingJsonPath("$.to", equalTo("kenji"))));
        assertThat(decisions.recent(tenant, 10)).extracting(DecisionLog.Entry::reason)
                .containsExactly("sent on slack", "quiet hours");
    }

    @Test
    void theFourthNudgeOfTheWeekWaitsButAColleaguesConfirmationDoesNot() throws Exception {
        for (int i = 1; i <= 4; i++) {
            outbox.nudge(tenant, note("pat", "nudge " + i), "nudge:" + i);
        }
        outbox.deliver(tenant, note("pat", "Dana named you"), "confirm:dana>pat");
        await(() -> platform.getAllServeEvents().size() == 4 && scheduler.leased(tenant) == 0);
        Thread.sleep(200);

        platform.verify(4, postRequestedFor(urlEqualTo("/send")));
        platform.verify(postRequestedFor(urlEqualTo("/send")).withRequestBody(matchingJsonPath("$.text", equalTo("Dana named you"))));
        assertThat(decisions.recent(tenant, 10)).filteredOn(e -> e.verdict() == Decision.Verdict.DEFER)
                .singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("weekly cap of 3"));
    }

    private JobState state(String key) {
        return outbox.status(tenant, key).map(JobInfo::state).orElse(null);
    }

    private static Notification note(String to, String text) {
        return new Notification(PersonId.of(to), Message.text(text), "n-" + text.hashCode());
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
