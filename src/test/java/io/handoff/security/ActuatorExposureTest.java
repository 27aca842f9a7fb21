package io.handoff.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.testing.TestAppProperties;

/**
 * Issue 14, attack 9: without a management port the actuator shares the app port, and there only health and its
 * two probes are open, without details; prometheus, metrics, info and the rest need the admin token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorExposureTest {
    static final List<String> CLOSED = List.of("/actuator/prometheus", "/actuator/metrics",
            "/actuator/metrics/jvm.memory.used", "/actuator/info", "/actuator", "/actuator/health/redis");
    /** Not exposed at all: no actuator rule claims them, so the deny-by-default chain refuses them. */
    static final List<String> NOT_EXPOSED = List.of("/actuator/env", "/actuator/beans", "/actuator/heapdump");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedisWithAdminToken(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void prometheusAndTheRestNeedTheAdminToken() throws Exception {
        for (String path : CLOSED) {
            RawHttp.Response refused = http().get(path);
            assertThat(refused.status()).as(path).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        }
        for (String path : NOT_EXPOSED) {
            assertThat(http().get(path).status()).as(path).isEqualTo(403);
            assertThat(http().get(path, admin()).status()).as(path).isIn(403, 404);
        }
        RawHttp.Response scrape = http().get("/actuator/prometheus", admin());
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        assertThat(http().get("/actuator/metrics", admin()).status()).isEqualTo(200);
        assertThat(http().get("/actuator/info", admin()).status()).isEqualTo(200);
    }

    @Test
    void healthAndProbesAreOpenButDetailsOnlyWithTheToken() throws Exception {
        RawHttp.Response health = http().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components")
                .doesNotContain("diskSpace").doesNotContain("path");
        assertThat(http().get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(http().get("/actuator/health/readiness").status()).isEqualTo(200);

        RawHttp.Response detailed = http().get("/actuator/health", admin());
        assertThat(detailed.status()).isEqualTo(200);
        assertThat(detailed.body()).contains("diskSpace").contains("redis");
    }

    @Test
    void pathTricksDoNotOpenTheClosedEndpoints() throws Exception {
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/env")) {
            for (String trick : PathTricks.of(path)) {
                RawHttp.Response response = http().get(trick);
                assertThat(response.status()).as(trick).isIn(400, 401);
            }
        }
        // a trick that ends on an open probe's path does not open a closed endpoint either
        assertThat(http().get("/actuator/health/../prometheus").status()).isEqualTo(400);
        assertThat(http().get("/actuator/health;/../prometheus").status()).isEqualTo(400);
    }

    private RawHttp http() {
        return RawHttp.loopback(port);
    }

    private static String admin() {
        return "Authorization: Bearer " + TestAppProperties.ADMIN_TOKEN;
    }
}
