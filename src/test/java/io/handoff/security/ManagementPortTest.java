package io.handoff.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.testing.TestAppProperties;

/**
 * With MANAGEMENT_SERVER_PORT (the Helm chart and manifests/kubernetes use 9090) the actuator lives on its own port,
 * which Prometheus scrapes and the kubelet probes without credentials: there it is open (Spring Security's chain
 * runs in the management server too, so this is a rule, not an accident); on the app port nothing of it answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ManagementPortTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedisWithAdminToken(registry);
        registry.add("management.server.port", () -> "0");
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void theManagementPortServesPrometheusAndProbesWithoutCredentials() throws Exception {
        RawHttp management = RawHttp.loopback(managementPort);

        RawHttp.Response scrape = management.get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(management.get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void healthDetailsStayHiddenWithoutTheTokenEvenOnTheManagementPort() throws Exception {
        RawHttp management = RawHttp.loopback(managementPort);

        assertThat(management.get("/actuator/health").body()).contains("UP").doesNotContain("diskSpace");
        assertThat(management.get("/actuator/health", "Authorization: Bearer " + TestAppProperties.ADMIN_TOKEN)
                .body()).contains("diskSpace");
    }

    @Test
    void theManagementPortStillRejectsPathTricks() throws Exception {
        for (String trick : PathTricks.of("/actuator/prometheus")) {
            assertThat(RawHttp.loopback(managementPort).get(trick).status()).as(trick).isNotEqualTo(200);
        }
        assertThat(RawHttp.loopback(managementPort).get("/actuator;/prometheus").status()).isEqualTo(400);
    }

    @Test
    void theAppPortServesNoActuator() throws Exception {
        for (String path : java.util.stream.Stream.concat(ActuatorExposureTest.CLOSED.stream(),
                ActuatorExposureTest.NOT_EXPOSED.stream()).toList()) {
            RawHttp.Response response = RawHttp.loopback(port).get(path);
            assertThat(response.status()).as(path).isIn(401, 403, 404);
        }
        assertThat(RawHttp.loopback(port).get("/actuator/prometheus",
                "Authorization: Bearer " + TestAppProperties.ADMIN_TOKEN).status()).isIn(403, 404);
    }
}
