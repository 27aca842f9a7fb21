package io.handoff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.handoff.HandoffApplication;

/**
 * The whole Handoff application, started in this JVM as {@code java -jar} would start it (Spring Boot, Tomcat on a
 * free loopback port) against the benchmark's own redis-server, with whatever platform settings a benchmark adds.
 * Its logging is turned down to warnings so that the figures stay readable.
 */
final class BenchApp implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final Duration startTime;

    private BenchApp(ConfigurableApplicationContext context, Duration startTime) {
        this.context = context;
        this.startTime = startTime;
    }

    /** Starts the app on {@code redis} with these settings (property names as in application.yml) added. */
    static BenchApp start(BenchRedis redis, Map<String, Object> settings) throws IOException {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("server.address", "127.0.0.1");
        properties.put("handoff.redis.url", "redis://127.0.0.1:" + redis.port());
        properties.put("handoff.demo.mode", "never");
        properties.put("handoff.data-dir", Files.createTempDirectory("handoff-bench-app").toString());
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.io.handoff", System.getProperty("appLogLevel", "WARN"));
        properties.put("handoff.admin-token", "bench-admin-" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID());
        properties.put("handoff.maps.link-secret", "bench-links-" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID());
        properties.putAll(settings);
        long start = System.nanoTime();
        // as command-line arguments: they win over application.yml (and the environment), as a deployment's would
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(HandoffApplication.class)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args);
        return new BenchApp(context, Duration.ofNanos(System.nanoTime() - start));
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    Duration startTime() {
        return startTime;
    }

    @Override
    public void close() {
        context.close();
    }
}
