package io.handoff.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.testing.TestAppProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Without an OTLP endpoint and without HANDOFF_TRACING_SAMPLING_PROBABILITY no span is recorded (nothing would read
 * it; recording them is wasted work on every request, issue 20), yet a trace still has its ids, which every
 * log line carries, and {@code http.server.requests} is still measured. With an endpoint every trace is recorded
 * ({@link OtlpExportTest}), and an explicit HANDOFF_TRACING_SAMPLING_PROBABILITY wins either way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.structured.format.console=ecs")
@ExtendWith(OutputCaptureExtension.class)
class TraceSamplingDefaultTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedis(registry);
    }

    @Autowired
    Tracer tracer;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @Test
    void withoutAnEndpointNoSpanIsRecordedButLogLinesCarryTheTraceIds(CapturedOutput output) {
        Span span = tracer.nextSpan().name("sampling-probe").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            LoggerFactory.getLogger(TraceSamplingDefaultTest.class).info("inside the unrecorded span");
        } finally {
            span.end();
        }

        assertThat(span.context().sampled()).as("recorded").isFalse();
        assertThat(span.context().traceId()).isNotBlank().isNotEqualTo("00000000000000000000000000000000");
        JsonNode line = jsonLine(output.getOut(), "inside the unrecorded span").orElseThrow(
                () -> new AssertionError("no JSON log line of the probe in " + output.getOut()));
        assertThat(line.path("traceId").asString()).isEqualTo(span.context().traceId());
        assertThat(line.path("spanId").asString()).isEqualTo(span.context().spanId());
    }

    @Test
    void requestsAreStillMeasured() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        Timer requests = meters.find("http.server.requests").tag("uri", "/actuator/health").timer();
        assertThat(requests).isNotNull();
        assertThat(requests.count()).isPositive();
    }

    @Test
    void theDefaultIsEveryTraceWhenExportedAndNoneWhenNot() {
        assertThat(defaultSampling(Map.of())).isEqualTo("0.0");
        assertThat(defaultSampling(Map.of(OtlpEndpoint.BASE, "http://collector:4318"))).isEqualTo("1.0");
        assertThat(defaultSampling(Map.of(OtlpEndpoint.TRACES, "http://collector:4318/v1/traces"))).isEqualTo("1.0");
        assertThat(defaultSampling(Map.of(OtlpEndpoint.PROPERTY, "http://collector:4318/v1/traces")))
                .isEqualTo("1.0");
    }

    private static String defaultSampling(Map<String, Object> given) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", given));
        new OtlpEndpoint().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(OtlpEndpoint.DEFAULT_SAMPLING);
    }

    private static Optional<JsonNode> jsonLine(String output, String message) {
        ObjectMapper json = new ObjectMapper();
        return output.lines().filter(line -> line.startsWith("{") && line.contains(message)).findFirst()
                .map(json::readTree);
    }
}
