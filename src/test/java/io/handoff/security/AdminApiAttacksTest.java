package io.handoff.security;

import io.handoff.delivery.DeliverySettings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.GraphStore;
import io.handoff.graph.TenantId;
import io.handoff.settings.TenantSettingsStore;
import io.handoff.testing.TestAppProperties;
import io.handoff.testing.TestRedis;

/**
 * Issue 14, attack 1 and its class: every admin API endpoint without the token, with a wrong one, and under every
 * path trick that once slipped past the hand-written filter ({@code /api/v1;/…}, {@code /api/%76%31/…}), over a
 * raw socket so the path's bytes arrive exactly as written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class AdminApiAttacksTest {
    static final TenantId TENANT = TestRedis.uniqueTenant();
    private static final String WRONG_TOKEN = "wrong-token-but-long-enough-42";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedisWithAdminToken(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    TenantSettingsStore settings;

    record Endpoint(String method, String path, String query, String contentType, String body) {
        String target() {
            return query == null ? path : path + "?" + query;
        }
    }

    static List<Endpoint> endpoints() {
        String t = "/api/v1/tenants/" + TENANT;
        return List.of(
                new Endpoint("GET", t + "/graph", null, null, null),
                new Endpoint("GET", t + "/people/pat/map", "depth=1", null, null),
                new Endpoint("GET", t + "/insights", null, null, null),
                new Endpoint("GET", t + "/maps", "scope=org&format=json", null, null),
                new Endpoint("GET", t + "/settings", null, null, null),
                new Endpoint("PUT", t + "/settings", null, "application/json", "{\"weeklyCap\":49}"),
                new Endpoint("POST", t + "/roster", null, "text/csv",
                        "email,name,team,manager_email\nmallory@evil.example,Mallory,Admissions,\n"),
                new Endpoint("GET", t + "/dead-letters", null, null, null),
                new Endpoint("POST", t + "/dead-letters/outbox-0/replay", null, null, ""),
                new Endpoint("GET", t + "/delivery-decisions", null, null, null));
    }

    @BeforeAll
    static void loadSample(@Autowired GraphStore store) {
        SampleOrganisation.load(store, TENANT, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void everyEndpointAnswers401WithoutTheTokenAndWithAWrongOne(CapturedOutput output) throws Exception {
        for (Endpoint endpoint : endpoints()) {
            RawHttp.Response none = send(endpoint, endpoint.target(), null);
            RawHttp.Response wrong = send(endpoint, endpoint.target(), WRONG_TOKEN);
            for (RawHttp.Response refused : List.of(none, wrong)) {
                assertThat(refused.status()).as(endpoint.toString()).isEqualTo(401);
                assertThat(refused.header("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
                assertThat(refused.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
                assertThat(refused.body()).contains("\"status\":401")
                        .contains("\"type\":\"https://handoff.dev/problems/unauthorized\"");
            }
        }
        assertThat(output).contains("Refused GET /api/v1/tenants/" + TENANT + "/graph from 127.0.0.1: no admin token")
                .contains("Refused PUT /api/v1/tenants/" + TENANT + "/settings from 127.0.0.1: wrong admin token")
                .doesNotContain(WRONG_TOKEN);
    }

    /** Issue 17: the OpenAPI document and the Swagger UI belong to the admin family: 401 without the token. */
    @Test
    void theApiDocumentAndItsUiAreClosedWithoutTheToken() throws Exception {
        RawHttp http = RawHttp.loopback(port);
        for (String path : List.of("/v3/api-docs", "/v3/api-docs/swagger-config", "/v3/api-docs.yaml",
                "/swagger-ui.html", "/swagger-ui/index.html", "/swagger-ui/swagger-initializer.js")) {
            for (String[] headers : List.of(new String[0], new String[] {"Authorization: Bearer " + WRONG_TOKEN})) {
                RawHttp.Response refused = http.get(path, headers);
                assertThat(refused.status()).as(path).isEqualTo(401);
                assertThat(refused.header("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
                assertThat(refused.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
                assertThat(refused.body()).as(path).doesNotContain("openapi").doesNotContain("/api/v1/tenants");
            }
        }
        for (String trick : List.of("/v3/api-docs;x", "/v3/%61pi-docs", "/v3/./api-docs", "/swagger-ui/;/index.html")) {
            assertThat(http.get(trick).status()).as(trick).isIn(400, 401);
        }
        String admin = "Authorization: Bearer " + TestAppProperties.ADMIN_TOKEN;
        RawHttp.Response document = http.get("/v3/api-docs", admin);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).contains("\"openapi\"").contains("/api/v1/tenants/{tenant}/graph");
        assertThat(http.get("/swagger-ui/index.html", admin).status()).isEqualTo(200);
    }

    @Test
    void theTokenOpensEveryEndpoint() throws Exception {
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.method().equals("GET")) {
                assertThat(send(endpoint, endpoint.target(), TestAppProperties.ADMIN_TOKEN).status())
                        .as(endpoint.toString()).isEqualTo(200);
            }
        }
    }

    @Test
    void noPathTrickReachesAnEndpointWithoutTheToken(CapturedOutput output) throws Exception {
        int weeklyCap = settings.settings(TENANT).get(DeliverySettings.WEEKLY_CAP);
        for (Endpoint endpoint : endpoints()) {
            for (String trick : PathTricks.of(endpoint.path())) {
                String target = endpoint.query() == null ? trick : trick + "?" + endpoint.query();
                RawHttp.Response response = send(endpoint, target, null);
                assertThat(response.status()).as(endpoint.method() + " " + target).isIn(400, 401);
                assertThat(response.body()).as(target).doesNotContain("Exception").doesNotContain("at io.handoff");
            }
        }
        assertThat(settings.settings(TENANT).get(DeliverySettings.WEEKLY_CAP)).isEqualTo(weeklyCap);
        assertThat(send(endpoints().get(0), endpoints().get(0).path(), TestAppProperties.ADMIN_TOKEN).body())
                .contains("Pat").doesNotContain("Mallory");
        // the two attacks of the report, by name, and what the log says about them
        assertThat(send(endpoints().get(0), "/api/v1;/tenants/" + TENANT + "/graph", null).status()).isEqualTo(400);
        assertThat(send(endpoints().get(0), "/api/%76%31/tenants/" + TENANT + "/graph", null).status()).isEqualTo(400);
        assertThat(output).contains("Refused GET /api/v1;/tenants/" + TENANT + "/graph from 127.0.0.1: firewall")
                .contains("Refused GET /api/%76%31/tenants/" + TENANT + "/graph from 127.0.0.1: firewall");
    }

    @Test
    void pathTricksAreRefusedEvenWithTheToken() throws Exception {
        Endpoint graphEndpoint = endpoints().get(0);
        for (String trick : List.of("/api/v1;/tenants/" + TENANT + "/graph", "/api/%76%31/tenants/" + TENANT + "/graph",
                "/api/v1/tenants/" + TENANT + "/%67raph", "/api/v1/tenants/" + TENANT + "/graph;x")) {
            assertThat(send(graphEndpoint, trick, TestAppProperties.ADMIN_TOKEN).status()).as(trick).isEqualTo(400);
        }
    }

    @Test
    void refusalsAndMissingRoutesNeverTurnInto500s() throws Exception {
        RawHttp http = RawHttp.loopback(port);
        String admin = "Authorization: Bearer " + TestAppProperties.ADMIN_TOKEN;

        assertThat(http.get("/api/v1/tenants/" + TENANT + "/no-such-thing", admin).status()).isEqualTo(404);
        assertThat(http.get("/assets/no-such-file.js").status()).isEqualTo(404);
        assertThat(http.send("POST", "/assets/maps/map.js", "").status()).isEqualTo(403);
        assertThat(http.get("/error").status()).isEqualTo(403);
        assertThat(http.get("/no/such/route").status()).isEqualTo(403);
        RawHttp.Response refused = http.get("/no/such/route");
        assertThat(refused.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"type\":\"https://handoff.dev/problems/forbidden\"");
        assertThat(http.send("BREW", "/api/v1/tenants/" + TENANT + "/graph", null).status()).isIn(400, 405);
    }

    private RawHttp.Response send(Endpoint endpoint, String target, String token) throws Exception {
        List<String> headers = new java.util.ArrayList<>();
        if (endpoint.contentType() != null) {
            headers.add("Content-Type: " + endpoint.contentType());
        }
        if (token != null) {
            headers.add("Authorization: Bearer " + token);
        }
        return RawHttp.loopback(port).send(endpoint.method(), target, endpoint.body(), headers.toArray(String[]::new));
    }
}
