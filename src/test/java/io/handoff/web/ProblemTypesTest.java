package io.handoff.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.GraphStore;
import io.handoff.graph.TenantId;
import io.handoff.security.ProblemType;
import io.handoff.testing.TestAppProperties;
import io.handoff.testing.TestRedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of error the admin API answers is an RFC 9457 problem ({@code application/problem+json}) with its stable
 * {@code type} URI, title and status, over real HTTP through the security chain and the controller advice: one example
 * per type, those Spring raises itself (a parameter of the wrong type, an unknown route, a wrong method or media type)
 * included. The 500 comes from a test-only controller under {@code /api/v1} that fails the way a bug would, since no
 * admin request makes the real controllers fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ProblemTypesTest.FailingEndpoint.class)
class ProblemTypesTest {
    private static final TenantId TENANT = TestRedis.uniqueTenant();
    private static final String API = "/api/v1/tenants/" + TENANT;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Fails like a bug: an exception that is no refusal, whose text must never reach the client. */
    @TestConfiguration
    @RestController
    static class FailingEndpoint {
        @GetMapping("/api/v1/test-only/fault")
        String fault() {
            throw new IllegalStateException("secret internals 0xdeadbeef");
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedisWithAdminToken(registry);
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void loadSample(@Autowired GraphStore store) {
        SampleOrganisation.load(store, TENANT, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void invalidRequest400() throws Exception {
        JsonNode refused = problem(send("GET", API + "/insights?limit=0", null, null, true), ProblemType.INVALID_REQUEST);
        JsonNode wrongType = problem(send("GET", API + "/insights?limit=ten", null, null, true),
                ProblemType.INVALID_REQUEST);

        assertThat(refused.get("detail").asString()).isEqualTo("limit must be between 1 and 100");
        assertThat(refused.get("instance").asString()).isEqualTo(API + "/insights");
        assertThat(wrongType.get("detail").asString()).contains("limit");
    }

    @Test
    void invalidSettingsJourneyAndSignals400KeepTheirLists() throws Exception {
        JsonNode settings = problem(send("PUT", API + "/settings", "application/json",
                "{\"minRespondents\": 1, \"weeklyCap\": 99}", true), ProblemType.INVALID_SETTINGS);
        JsonNode journey = problem(send("PUT", API + "/journeys/bad", "application/json", """
                {"name": "", "customer": "someone", "stages": [{"name": "S", "touchpoints": [
                  {"id": "t", "name": "T", "channel": "fax", "weight": "routine", "owners": {"teams": ["drivers"]}}]}]}
                """, true), ProblemType.INVALID_JOURNEY);
        send("PUT", API + "/journeys/ok", "application/yaml", """
                name: OK
                customer: someone
                stages:
                  - name: S
                    touchpoints:
                      - {id: t, name: T, channel: phone, weight: routine, owners: {teams: [drivers]}}
                """, true);
        JsonNode signals = problem(send("POST", API + "/journeys/ok/signals", "text/csv",
                "touchpoint,period,metric,value,sample_size,better\nnowhere,2026-W14,CSAT,4,10,higher\n", true),
                ProblemType.INVALID_SIGNALS);

        assertThat(settings.get("problems")).hasSize(2);
        assertThat(journey.get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("name", "stages[0].touchpoints[0].channel");
        assertThat(signals.get("errors").get(0).get("row").asInt()).isEqualTo(1);
        assertThat(signals.get("errors").get(0).get("column").asString()).isEqualTo("touchpoint");
    }

    @Test
    void unauthorized401KeepsTheBearerChallenge() throws Exception {
        HttpResponse<String> none = send("GET", API + "/graph", null, null, false);

        problem(none, ProblemType.UNAUTHORIZED);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"handoff\"");
    }

    @Test
    void forbidden403ForAClosedRoute() throws Exception {
        problem(send("GET", "/no/such/route", null, null, true), ProblemType.FORBIDDEN);
    }

    @Test
    void notFound404ForAnUnknownTenantAndAnUnknownRoute() throws Exception {
        JsonNode tenant = problem(send("GET", "/api/v1/tenants/nobody-here/graph", null, null, true),
                ProblemType.NOT_FOUND);
        problem(send("GET", API + "/no-such-thing", null, null, true), ProblemType.NOT_FOUND);

        assertThat(tenant.get("detail").asString()).isEqualTo("no tenant 'nobody-here'");
    }

    @Test
    void methodNotAllowed405AndUnsupportedMediaType415() throws Exception {
        problem(send("DELETE", API + "/graph", null, null, true), ProblemType.METHOD_NOT_ALLOWED);
        problem(send("POST", API + "/roster", "application/json", "{}", true), ProblemType.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void payloadTooLarge413() throws Exception {
        String big = "x".repeat(JourneyApiController.MAX_DEFINITION_BYTES + 1);

        JsonNode tooLarge = problem(send("PUT", API + "/journeys/big", "application/json", big, true),
                ProblemType.PAYLOAD_TOO_LARGE);

        assertThat(tooLarge.get("detail").asString()).isEqualTo("the body may be at most 1000000 bytes");
    }

    @Test
    void internal500NamesAReferenceAndNothingElse() throws Exception {
        HttpResponse<String> failed = send("GET", "/api/v1/test-only/fault", null, null, true);

        JsonNode problem = problem(failed, ProblemType.INTERNAL);
        assertThat(problem.get("reference").asString()).matches("[0-9a-f]{10}");
        assertThat(problem.get("detail").asString()).endsWith("logged with reference " + problem.get("reference").asString());
        assertThat(failed.body()).doesNotContain("0xdeadbeef").doesNotContain("Exception").doesNotContain("at io.handoff");
    }

    /** Asserts the problem's media type, type URI, title and status; returns its body. */
    private static JsonNode problem(HttpResponse<String> response, ProblemType type) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(type.status().value());
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("type").asString()).isEqualTo("https://handoff.dev/problems/" + slug(type));
        assertThat(body.get("title").asString()).isEqualTo(type.title());
        assertThat(body.get("status").asInt()).isEqualTo(type.status().value());
        assertThat(body.get("detail").asString()).isNotBlank();
        return body;
    }

    /** The type's last path segment, spelled out here so a renamed URI fails the test. */
    private static String slug(ProblemType type) {
        return switch (type) {
            case INVALID_REQUEST -> "invalid-request";
            case INVALID_SETTINGS -> "invalid-settings";
            case INVALID_JOURNEY -> "invalid-journey";
            case INVALID_SIGNALS -> "invalid-signals";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case CONFLICT -> "conflict";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case PAYLOAD_TOO_LARGE -> "payload-too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case INTERNAL -> "internal";
            case UNAVAILABLE -> "unavailable";
        };
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, boolean token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token) {
            request.header("Authorization", "Bearer " + TestAppProperties.ADMIN_TOKEN);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
