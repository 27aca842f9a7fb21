package io.handoff.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.handoff.testing.TestAppProperties;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * With OTEL_EXPORTER_OTLP_ENDPOINT set (a base URL, as OpenTelemetry defines it) the app exports its spans over OTLP
 * to {@code <base>/v1/traces} (a WireMock collector on loopback), named for the service; and a JSON (ECS) log line
 * written inside a span carries that span's trace and span ids.
 */
@SpringBootTest(properties = "logging.structured.format.console=ecs")
@ExtendWith(OutputCaptureExtension.class)
class OtlpExportTest {
    private static final WireMockServer COLLECTOR = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1"));

    static {
        COLLECTOR.start();
        COLLECTOR.stubFor(post(urlEqualTo("/otel/v1/traces")).willReturn(aResponse().withStatus(200)));
        // read by OtlpEndpoint while the environment is prepared, as the environment variable would be
        System.setProperty(OtlpEndpoint.BASE, "http://127.0.0.1:" + COLLECTOR.port() + "/otel/");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedis(registry);
    }

    @AfterAll
    static void stopCollector() {
        System.clearProperty(OtlpEndpoint.BASE);
        COLLECTOR.stop();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    Tracer tracer;

    @Test
    void exportsSpansToTheTracesPathOfTheEndpointAndPutsTheTraceIdInJsonLogs(CapturedOutput output) {
        assertThat(context.getBeanNamesForType(OtlpHttpSpanExporter.class)).hasSize(1);
        assertThat(context.getEnvironment().getProperty(OtlpEndpoint.PROPERTY))
                .isEqualTo("http://127.0.0.1:" + COLLECTOR.port() + "/otel/v1/traces");

        Span span = tracer.nextSpan().name("otlp-probe").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            LoggerFactory.getLogger(OtlpExportTest.class).info("inside the probe span");
        } finally {
            span.end();
        }

        List<LoggedRequest> exported = await().atMost(Duration.ofSeconds(30)).until(
                () -> COLLECTOR.findAll(postRequestedFor(urlEqualTo("/otel/v1/traces"))).stream()
                        .filter(request -> new String(request.getBody(), StandardCharsets.ISO_8859_1)
                                .contains("otlp-probe")).toList(), requests -> !requests.isEmpty());
        LoggedRequest request = exported.get(0);
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/x-protobuf");
        String body = new String(request.getBody(), StandardCharsets.ISO_8859_1);
        assertThat(body).as("the resource names the service").contains("service.name").contains("handoff");

        assertThat(span.context().sampled()).as("every trace is recorded when spans are exported").isTrue();
        JsonNode line = jsonLine(output.getOut(), "inside the probe span").orElseThrow(
                () -> new AssertionError("no JSON log line of the probe in " + output.getOut()));
        assertThat(line.path("traceId").asString()).isEqualTo(span.context().traceId());
        assertThat(line.path("spanId").asString()).isEqualTo(span.context().spanId());
    }

    @Test
    void anEndpointIsABaseUrlOrAFullTracesUrlAndNothingElse() {
        assertThat(OtlpEndpoint.tracesUrl(null, null)).isEmpty();
        assertThat(OtlpEndpoint.tracesUrl("  ", "")).isEmpty();
        assertThat(OtlpEndpoint.tracesUrl("http://collector:4318", null)).contains("http://collector:4318/v1/traces");
        assertThat(OtlpEndpoint.tracesUrl("https://otel.example/base/", null))
                .contains("https://otel.example/base/v1/traces");
        assertThat(OtlpEndpoint.tracesUrl("http://collector:4318", "http://traces:4318/custom"))
                .contains("http://traces:4318/custom");
        assertThatThrownBy(() -> OtlpEndpoint.tracesUrl("collector:4317", null))
                .hasMessageContaining("OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL");
        assertThatThrownBy(() -> OtlpEndpoint.tracesUrl("http://bad host", null))
                .hasMessageContaining("OTEL_EXPORTER_OTLP_ENDPOINT is not a URL");
    }

    private static Optional<JsonNode> jsonLine(String output, String message) {
        ObjectMapper json = new ObjectMapper();
        return output.lines().filter(line -> line.startsWith("{") && line.contains(message)).findFirst()
                .map(json::readTree);
    }
}
