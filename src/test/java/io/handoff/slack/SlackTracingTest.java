package io.handoff.slack;

import static io.handoff.slack.SlackTestSupport.interactive;
import static io.handoff.slack.SlackTestSupport.json;
import static io.handoff.slack.SlackTestSupport.postSigned;
import static io.handoff.slack.SlackTestSupport.postsTo;
import static io.handoff.slack.SlackTestSupport.slashCommand;
import static io.handoff.slack.SlackTestSupport.stubUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.delivery.Decision;
import io.handoff.delivery.DecisionLog;
import io.handoff.delivery.Outbox;
import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.TenantId;
import io.handoff.settings.TenantSettingsStore;
import io.handoff.testing.AroundTheClock;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Traces (issue 17): a signed Slack request, the work after its acknowledgement, the outbox job that delivers the
 * notification it caused and the Slack call of that delivery are one trace; a scheduler job (the survey's save) and the
 * deliveries it queues are one trace; without OTEL_EXPORTER_OTLP_ENDPOINT nothing is exported. Finished spans are
 * collected in memory as they end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SlackTracingTest.Spans.class)
class SlackTracingTest {
    private static final String TEAM = SlackTestSupport.slackId('T');
    private static final TenantId TENANT = TenantId.of("slack-" + TEAM.toLowerCase(Locale.ROOT));
    private static final String PAT = SlackTestSupport.slackId('U');
    private static final String DANA = SlackTestSupport.slackId('U');
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("handoff.job.id");
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();

    static {
        SlackTestSupport.stubBotWorkspace(SLACK, TEAM, "Acme Parcels");
        SlackTestSupport.stubMessaging(SLACK);
        stubUser(SLACK, PAT, TEAM, "Pat Okafor", "pat@" + TEAM.toLowerCase(Locale.ROOT) + ".example");
        stubUser(SLACK, DANA, TEAM, "Dana Kowalski", "dana@" + TEAM.toLowerCase(Locale.ROOT) + ".example");
    }

    /** Every span, handed to the in-memory exporter as soon as it ends. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Spans {
        @Bean
        SpanProcessor inMemorySpans() {
            return SimpleSpanProcessor.create(SPANS);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SlackTestSupport.registerSingleWorkspace(registry, SLACK, "xoxb-test-tracing");
        // as an operator who reads the spans: without an OTLP endpoint none would be recorded by default
        registry.add("HANDOFF_TRACING_SAMPLING_PROBABILITY", () -> "1.0");
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    @Autowired
    DecisionLog decisions;

    @Autowired
    TenantSettingsStore settings;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void messagesGoOutWhateverTheHour() {
        AroundTheClock.workAroundTheClock(settings, TENANT);
    }

    @Test
    void aCommandAndTheNotificationItCausedShareOneTrace() throws Exception {
        // Pat names Dana as a customer: the survey's save job queues Dana's question in the outbox
        assertThat(postSigned(port, slashCommand(TEAM, PAT, "customers", "trig-trace-1"), FORM, Map.of())
                .statusCode()).isEqualTo(200);
        JsonNode terms = json(postSigned(port, interactive(submission("survey.customers.pick", "",
                "{\"people\":{\"people\":{\"type\":\"multi_users_select\",\"selected_users\":[\"" + DANA + "\"]}}}")),
                FORM, Map.of()).body()).get("view");
        assertThat(postSigned(port, interactive(submission("survey.customers.terms",
                terms.get("private_metadata").asString(), termsValues("loaded trucks"))), FORM, Map.of())
                .statusCode()).isEqualTo(200);
        Map<String, String> question = await().atMost(Duration.ofSeconds(15))
                .until(() -> postsTo(SLACK, DANA), posts -> !posts.isEmpty()).get(0);
        PersonId pat = graph.personByIdentity(TENANT, Platform.SLACK, PAT).orElseThrow();
        PersonId dana = graph.personByIdentity(TENANT, Platform.SLACK, DANA).orElseThrow();

        // the scheduler job (survey.save) and the delivery it queued: one trace, down to the Slack call
        String asked = Outbox.jobId(sentKey(dana, "confirm:"));
        SpanData askedJob = await().atMost(Duration.ofSeconds(10)).until(() -> jobSpan(asked), Optional::isPresent)
                .orElseThrow();
        SpanData saveJob = SPANS.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("survey.save")
                        && span.getTraceId().equals(askedJob.getTraceId()))
                .findFirst().orElseThrow(() -> new AssertionError("no survey.save span in the trace of Dana's "
                        + "question: " + describe(SPANS.getFinishedSpanItems())));
        assertThat(saveJob.getParentSpanContext().isValid()).as("a job whose handler names no trace starts one")
                .isFalse();
        assertThat(askedJob.getParentSpanId()).isEqualTo(saveJob.getSpanId());
        assertThat(childNamed(askedJob, "send slack")).isPresent();

        // Dana presses Confirm: Pat hears about it through the outbox, in the trace of Dana's request
        SPANS.reset();
        String confirmValue = buttonValue(json(question.get("blocks")), "survey.confirm");
        assertThat(postSigned(port, interactive("""
                {"type":"block_actions","api_app_id":"A0HANDOFF","team":{"id":"%s","domain":"acme"},
                 "user":{"id":"%s","team_id":"%s"},"trigger_id":"trig-confirm","container":{"type":"message"},
                 "channel":{"id":"D0DANA"},"actions":[{"type":"button","block_id":"b1","action_id":"survey.confirm|0",
                 "value":%s,"action_ts":"1700000001.0001"}]}"""
                .formatted(TEAM, DANA, TEAM, SlackTestSupport.JSON.writeValueAsString(confirmValue))), FORM, Map.of())
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> postsTo(SLACK, PAT).stream()
                .anyMatch(post -> post.get("text").startsWith("Dana Kowalski confirmed")));

        String told = Outbox.jobId(sentKey(pat, "confirmed:"));
        SpanData toldJob = await().atMost(Duration.ofSeconds(10)).until(() -> jobSpan(told), Optional::isPresent)
                .orElseThrow();
        List<SpanData> requests = SPANS.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER).toList();
        assertThat(requests).as("the server span of Dana's request (the only request since the reset)").hasSize(1);
        SpanData request = requests.get(0);
        assertThat(request.getAttributes().asMap().values().stream().map(String::valueOf))
                .anyMatch(value -> value.contains("/slack/events"));
        assertThat(toldJob.getTraceId()).as(describe(SPANS.getFinishedSpanItems())).isEqualTo(request.getTraceId());
        SpanData send = childNamed(toldJob, "send slack").orElseThrow(() -> new AssertionError(
                "no send slack span under the outbox job: " + describe(SPANS.getFinishedSpanItems())));
        assertThat(send.getTraceId()).isEqualTo(request.getTraceId());
    }

    @Test
    void exportsNothingWithoutAnOtlpEndpoint() {
        assertThat(context.getBeanNamesForType(OtlpHttpSpanExporter.class)).isEmpty();
        assertThat(context.getEnvironment().getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .isNull();
        assertThat(context.getBeanNamesForType(io.micrometer.registry.otlp.OtlpMeterRegistry.class))
                .as("metrics stay on Prometheus; nothing pushes them over OTLP").isEmpty();
    }

    /** The key of the message the outbox sent to {@code person} whose key starts with {@code prefix}. */
    private String sentKey(PersonId person, String prefix) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> decisions.about(TENANT, person).stream()
                        .filter(entry -> entry.verdict() == Decision.Verdict.SEND
                                && entry.messageKey().startsWith(prefix))
                        .map(DecisionLog.Entry::messageKey).findFirst(), Optional::isPresent).orElseThrow();
    }

    private static Optional<SpanData> jobSpan(String jobId) {
        return SPANS.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(Outbox.JOB_TYPE) && jobId.equals(span.getAttributes().get(JOB_ID)))
                .findFirst();
    }

    private static Optional<SpanData> childNamed(SpanData parent, String name) {
        return SPANS.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(name) && span.getParentSpanId().equals(parent.getSpanId())
                        && span.getTraceId().equals(parent.getTraceId()))
                .findFirst();
    }

    private static String describe(List<SpanData> spans) {
        return spans.stream().map(span -> span.getName() + "(" + span.getKind() + " trace " + span.getTraceId()
                + " span " + span.getSpanId() + " parent " + span.getParentSpanId() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String submission(String callbackId, String privateMetadata, String values) {
        return """
                {"type":"view_submission","api_app_id":"A0HANDOFF","team":{"id":"%s","domain":"acme"},
                 "user":{"id":"%s","team_id":"%s"},"trigger_id":"trig-view",
                 "view":{"id":"V0MODAL","team_id":"%s","type":"modal","callback_id":"%s","private_metadata":%s,
                  "blocks":[],"state":{"values":%s}}}"""
                .formatted(TEAM, PAT, TEAM, TEAM, callbackId, SlackTestSupport.JSON.writeValueAsString(privateMetadata),
                        values);
    }

    private static String termsValues(String what) {
        return """
                {"what.0":{"what.0":{"type":"plain_text_input","value":%s}},
                 "often.0":{"often.0":{"type":"static_select","selected_option":{"value":"daily","text":{"type":"plain_text","text":"Daily"}}}},
                 "critical.0":{"critical.0":{"type":"static_select","selected_option":{"value":"critical","text":{"type":"plain_text","text":"Yes"}}}}}"""
                .formatted(SlackTestSupport.JSON.writeValueAsString(what));
    }

    private static String buttonValue(JsonNode blocks, String action) {
        for (JsonNode block : blocks) {
            if (block.has("elements")) {
                for (JsonNode element : block.get("elements")) {
                    if (element.has("action_id") && element.get("action_id").asString().startsWith(action + "|")) {
                        return element.get("value").asString();
                    }
                }
            }
        }
        throw new AssertionError("no button " + action + " in " + blocks);
    }
}
