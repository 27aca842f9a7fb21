package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.delivery.Decision;
import io.handoff.delivery.DecisionLog;
import io.handoff.delivery.Outbox;
import io.handoff.graph.Criticality;
import io.handoff.graph.EdgeCodec;
import io.handoff.graph.Frequency;
import io.handoff.graph.Handoff;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.PersonId;
import io.handoff.graph.Side;
import io.handoff.graph.TenantId;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * Traces on Teams (issue 17): a JWT-signed activity (Dana confirms Pat's claim), the outbox job that tells Pat and its
 * connector call ({@code send teams}) are one trace. Finished spans are collected in memory as they end.
 */
@Import(MsTeamsTracingTest.Spans.class)
@ExtendWith(OutputCaptureExtension.class)
class MsTeamsTracingTest extends MsTeamsAppTest {
    private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    private static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("handoff.job.id");

    /** Every span, handed to the in-memory exporter as soon as it ends. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Spans {
        @Bean
        SpanProcessor inMemorySpans() {
            return SimpleSpanProcessor.create(SPANS);
        }
    }

    /** As an operator who reads the spans: without an OTLP endpoint none would be recorded by default. */
    @DynamicPropertySource
    static void everyTrace(DynamicPropertyRegistry registry) {
        registry.add("HANDOFF_TRACING_SAMPLING_PROBABILITY", () -> "1.0");
    }

    @Autowired
    DecisionLog decisions;

    @Test
    void anActivityAndTheNotificationItCausedShareOneTrace(CapturedOutput output) {
        BotFrameworkFake.TeamsUser pat = user("Pat Okafor", "pat@contoso.example");
        BotFrameworkFake.TeamsUser dana = user("Dana Smith", "dana@contoso.example");
        SPANS.reset();
        assertThat(client.post(fake.text(pat, "home")).statusCode()).isEqualTo(200);
        // the SDK may run a turn on its own threads (Bot-N, e.g. the first one, while it fetches signing keys): the
        // turn's log lines still carry the trace id of the request
        String patsRequest = await().atMost(Duration.ofSeconds(5)).until(() -> SPANS.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER).findFirst(), Optional::isPresent).orElseThrow()
                .getTraceId();
        assertThat(output.getOut().lines().filter(line -> line.contains("New person pat@contoso.example")))
                .singleElement().asString().contains("[" + patsRequest + "-");
        assertThat(client.post(fake.text(dana, "home")).statusCode()).isEqualTo(200);
        TenantId tenant = graph.tenantForMicrosoft(microsoftTenant).orElseThrow();
        PersonId patId = PersonId.of("pat@contoso.example");
        PersonId danaId = PersonId.of("dana@contoso.example");
        Handoff claimed = graph.claim(tenant, patId, danaId, new HandoffTerms("loaded truck", Frequency.DAILY,
                Criticality.CRITICAL), Side.UPSTREAM, Instant.now().minusSeconds(60));

        SPANS.reset();
        assertThat(client.post(fake.submitOn("1:question-card", dana, Map.of("action", "survey.confirm",
                "value", ref(claimed)))).statusCode()).isEqualTo(200);

        String key = await().atMost(Duration.ofSeconds(15)).until(() -> decisions.about(tenant, patId).stream()
                .filter(entry -> entry.verdict() == Decision.Verdict.SEND && entry.messageKey().startsWith("confirmed:"))
                .map(DecisionLog.Entry::messageKey).findFirst(), Optional::isPresent).orElseThrow();
        SpanData toldJob = await().atMost(Duration.ofSeconds(10)).until(() -> SPANS.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals(Outbox.JOB_TYPE)
                        && Outbox.jobId(key).equals(span.getAttributes().get(JOB_ID))).findFirst(),
                Optional::isPresent).orElseThrow();
        List<SpanData> requests = SPANS.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.SERVER).toList();
        assertThat(requests).as("the server span of Dana's activity (the only request since the reset)").hasSize(1);
        assertThat(toldJob.getTraceId()).as(describe()).isEqualTo(requests.get(0).getTraceId());
        assertThat(SPANS.getFinishedSpanItems()).as(describe()).anyMatch(span -> span.getName().equals("send teams")
                && span.getParentSpanId().equals(toldJob.getSpanId()));
    }

    private static String describe() {
        return SPANS.getFinishedSpanItems().stream().map(span -> span.getName() + "(" + span.getKind() + " trace "
                + span.getTraceId() + " span " + span.getSpanId() + " parent " + span.getParentSpanId() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String ref(Handoff edge) {
        CRC32 crc = new CRC32();
        crc.update(EdgeCodec.encode(edge).getBytes(StandardCharsets.UTF_8));
        return edge.upstream().value() + ">" + edge.downstream().value() + ">" + Long.toHexString(crc.getValue());
    }
}
