package io.handoff.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

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

/** A platform that never stops answering 429 (WireMock): the outbox gives the message up, and replay sends it. */
class RateLimitedRetriesTest {
    /** Tuesday 10:00 in London: working hours. */
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    private final TenantId tenant = TestRedis.uniqueTenant();
    private final MutableClock clock = new MutableClock(START);
    private final RedisGraphStore graph = new RedisGraphStore(TestRedis.client());
    private final Scheduler scheduler = new Scheduler(TestRedis.client(), clock, Duration.ofDays(7));
    private final Outbox outbox = new Outbox(scheduler);
    private final DeliveryMetrics metrics = new DeliveryMetrics(new SimpleMeterRegistry());
    private final WireMockServer platform = new WireMockServer(wireMockConfig().dynamicPort());
    private SchedulerWorker worker;
    private String key;

    @BeforeEach
    void start() {
        platform.start();
        graph.savePerson(tenant, new Person(PersonId.of("pat"), "Pat", null, null, ZoneId.of("Europe/London"), Map.of()));
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.stop();
        }
        platform.stop();
    }

    @Test
    void aMessageAnswered429ForeverIsADeadLetterAfterTheTimeCapAndReplaySendsIt() throws Exception {
        startWorker(new RateLimitedRetries(Duration.ofHours(3), 100, Duration.ofHours(1)));
        platform.stubFor(post(urlEqualTo("/send"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "86400")));

        key = "confirm:dana>pat";
        outbox.deliver(tenant, note("Dana named you as a supplier"), key);
        awaitServed(1);
        JobInfo first = status();
        for (int attempt = 2; attempt <= 4; attempt++) {
            clock.advance(Duration.ofHours(1));
            awaitServed(attempt);
        }
        await(() -> status().state() == JobState.DEAD);

        assertThat(first.state()).isEqualTo(JobState.DUE);
        assertThat(first.job().dueAt()).as("a day's Retry-After cut to an hour").isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(first.job().failures()).isZero();
        assertThat(first.job().rateLimited()).isEqualTo(1);
        assertThat(first.job().rateLimitedSince()).hasValue(START);
        assertThat(first.note()).isEqualTo("slack asked to retry after 3600000 ms (it asked for PT24H)");
        assertThat(outbox.deadLetters(tenant, 10)).singleElement().satisfies(letter -> {
            assertThat(letter.id()).isEqualTo(Outbox.jobId("confirm:dana>pat"));
            assertThat(letter.key()).hasValue("confirm:dana>pat");
            assertThat(letter.lastError()).isEqualTo("Slack kept answering 429 for 3 h (4 times); given up after 3 h, "
                    + "replay it once the platform accepts messages again");
            assertThat(letter.failedAt()).hasValue(START.plus(Duration.ofHours(3)));
        });
        assertThat(metrics.count("handoff.outbox.retried")).isEqualTo(3);
        // the worker counts the dead letter just after it wrote the job's state
        await(() -> metrics.count("handoff.outbox.dead_lettered") == 1);
        assertThat(metrics.count("handoff.outbox.dead_lettered")).isEqualTo(1);

        platform.stubFor(post(urlEqualTo("/send")).willReturn(aResponse().withStatus(200)));
        assertThat(outbox.replay(tenant, Outbox.jobId("confirm:dana>pat"))).isTrue();
        await(() -> status().state() == JobState.DONE);
        platform.verify(5, postRequestedFor(urlEqualTo("/send")));
        assertThat(status().note()).isEqualTo("sent on slack");
        assertThat(status().job().rateLimited()).as("replay forgets the 429s").isZero();
        assertThat(status().job().rateLimitedSince()).isEmpty();
        assertThat(outbox.deadLetters(tenant, 10)).isEmpty();
    }

    @Test
    void aPlatformAnswering429WithoutAWaitIsGivenUpAfterTheRetryCap() throws Exception {
        startWorker(new RateLimitedRetries(Duration.ofHours(24), 2, Duration.ofHours(1)));
        platform.stubFor(post(urlEqualTo("/send")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));

        key = "confirm:sam>pat";
        outbox.deliver(tenant, note("Sam named you as a customer"), key);
        awaitServed(1);
        Instant firstRetry = status().job().dueAt();
        clock.advance(Duration.ofSeconds(1));
        awaitServed(2);
        clock.advance(Duration.ofSeconds(1));
        awaitServed(3);
        await(() -> status().state() == JobState.DEAD);
        clock.advance(Duration.ofHours(1));
        Thread.sleep(200);

        assertThat(firstRetry).as("Retry-After 0 waits a second, not a busy loop").isEqualTo(START.plusSeconds(1));
        platform.verify(3, postRequestedFor(urlEqualTo("/send")));
        assertThat(outbox.deadLetters(tenant, 10)).singleElement().satisfies(letter -> assertThat(letter.lastError())
                .isEqualTo("Slack kept answering 429 for 2 s (3 times); given up after 2 rate-limited retries, "
                        + "replay it once the platform accepts messages again"));
    }

    @Test
    void retryAfterIsClampedBetweenASecondAndTheMaximum() {
        RateLimitedRetries retries = RateLimitedRetries.defaults();

        assertThat(retries.clamp(Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retries.clamp(Duration.ofSeconds(-5))).isEqualTo(Duration.ofSeconds(1));
        assertThat(retries.clamp(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(retries.clamp(Duration.ofSeconds(Long.MAX_VALUE / 2))).isEqualTo(Duration.ofHours(1));
        assertThat(RateLimitedRetries.describe(Duration.ofMinutes(90))).isEqualTo("1 h 30 min");
        assertThat(RateLimitedRetries.describe(Duration.ofHours(24))).isEqualTo("24 h");
    }

    private void startWorker(RateLimitedRetries retries) {
        DeliveryRules rules = new DeliveryRules(TestRedis.client(), AllSettings.store(TestRedis.client()),
                List.of(), new PreferencesStore(TestRedis.client()), clock);
        OutboxSender sender = new OutboxSender(graph,
                List.of(new HttpTestSender(Platform.SLACK, URI.create(platform.baseUrl() + "/send"))),
                new PlatformPreference(TestRedis.client()), new RateLimits(TestRedis.client(), Map.of(), Duration.ZERO),
                rules, new DecisionLog(TestRedis.client()), metrics, clock, 3, retries);
        worker = new SchedulerWorker(scheduler, List.of(sender),
                SchedulerProperties.defaults().withThreads(2, 2).withPollInterval(Duration.ofMillis(20)),
                () -> List.of(tenant));
        worker.start();
    }

    /** The one message each test sends. */
    private JobInfo status() {
        return outbox.status(tenant, key).orElseThrow();
    }

    private void awaitServed(int requests) throws InterruptedException {
        await(() -> platform.getAllServeEvents().size() == requests && scheduler.leased(tenant) == 0);
    }

    private static Notification note(String text) {
        return new Notification(PersonId.of("pat"), Message.text(text), "n-" + text.hashCode());
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
