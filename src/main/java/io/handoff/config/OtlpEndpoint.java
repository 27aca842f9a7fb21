package io.handoff.config;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Trace export follows OpenTelemetry's own variables: {@code OTEL_EXPORTER_OTLP_ENDPOINT} is the collector's base URL
 * (OTLP over HTTP), and the spans go to {@code <base>/v1/traces} as the OpenTelemetry specification says;
 * {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, when set, is the full traces URL and wins. Spring Boot creates its OTLP
 * span exporter only when {@value #PROPERTY} is set, so without either variable nothing is exported. An endpoint set
 * directly in {@value #PROPERTY} is left alone.
 * <p>
 * Unless HANDOFF_TRACING_SAMPLING_PROBABILITY says otherwise, every trace is recorded when spans are exported and none
 * when they are not: recording spans that nothing reads is wasted work on every request (the request's observation, spans included,
 * was a tenth of a Slack acknowledgement's request-thread samples in a profile, issue 20).
 * An unrecorded trace still has its trace and span ids, so they are in every log line either way, and the outbox
 * still carries a request's trace to the delivery it caused.
 */
public class OtlpEndpoint implements EnvironmentPostProcessor {
    /** Spring Boot 4's property that switches the OTLP span exporter on. */
    public static final String PROPERTY = "management.opentelemetry.tracing.export.otlp.endpoint";
    static final String BASE = "OTEL_EXPORTER_OTLP_ENDPOINT";
    static final String TRACES = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    /**
     * The share of traces recorded when HANDOFF_TRACING_SAMPLING_PROBABILITY is not set (application.yml): all of them
     * when spans are exported, none when they are not.
     */
    static final String DEFAULT_SAMPLING = "handoff.tracing.default-sampling-probability";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        if (!environment.containsProperty(PROPERTY)) {
            tracesUrl(environment.getProperty(BASE), environment.getProperty(TRACES))
                    .ifPresent(url -> defaults.put(PROPERTY, url));
        }
        boolean exported = environment.containsProperty(PROPERTY) || defaults.containsKey(PROPERTY);
        defaults.put(DEFAULT_SAMPLING, exported ? "1.0" : "0.0");
        environment.getPropertySources().addLast(new MapPropertySource("handoff-otlp-endpoint", defaults));
    }

    /** Where spans go: the traces URL as given, else {@code <base>/v1/traces}; empty when neither is set. */
    static Optional<String> tracesUrl(String base, String traces) {
        if (traces != null && !traces.isBlank()) {
            return Optional.of(checked(TRACES, traces.strip()));
        }
        if (base == null || base.isBlank()) {
            return Optional.empty();
        }
        String url = checked(BASE, base.strip());
        return Optional.of((url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/v1/traces");
    }

    private static String checked(String variable, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + " is not a URL: " + url);
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalStateException(variable + " must be an http:// or https:// URL of an OpenTelemetry "
                    + "collector (OTLP over HTTP, e.g. http://otel-collector:4318), not " + url);
        }
        return url;
    }
}
