package io.handoff.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.testing.PlaygroundCsrf;
import io.handoff.testing.TestRedis;
import tools.jackson.databind.ObjectMapper;

/**
 * HANDOFF_PLAYGROUND=true on an app that also has chat credentials: the playground works, but demo time cannot move,
 * because the scheduler also runs real tenants' polls and nudges.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaygroundBesideRealTenantsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("handoff.redis.url", () -> TestRedis.uri().toString());
        registry.add("handoff.demo.mode", () -> "never");
        registry.add("handoff.playground.enabled", () -> "true");
        // A credential of a real platform (without its app id the Teams adapter itself stays off).
        registry.add("MICROSOFT_APP_PASSWORD", () -> "a-real-secret");
    }

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void demoTimeStaysRealTime() throws Exception {
        HttpResponse<String> now = HTTP.send(HttpRequest.newBuilder(uri("/playground/api/tenants/depot/clock")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        PlaygroundCsrf csrf = PlaygroundCsrf.fromPage(HTTP, "http://127.0.0.1:" + port);
        HttpResponse<String> advance = HTTP.send(csrf.sign(HttpRequest.newBuilder(uri("/playground/api/tenants/depot/clock")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"advance\":\"P7D\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(clock).isNotInstanceOf(DemoClock.class);
        assertThat(new ObjectMapper().readTree(now.body()).get("movable").asBoolean()).isFalse();
        assertThat(advance.statusCode()).isEqualTo(409);
        assertThat(advance.body()).contains("real workspaces share the scheduler");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
