package io.handoff.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.chat.Delivery;
import io.handoff.chat.Message;
import io.handoff.chat.Notification;
import io.handoff.delivery.Outbox;
import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.scheduler.ClaimedJob;
import io.handoff.scheduler.JobState;
import io.handoff.scheduler.Scheduler;
import io.handoff.testing.TestRedis;
import io.handoff.security.ProblemType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The delivery admin API (dead letters, replay, decisions) and tenant settings over real HTTP. The job worker is
 * switched off here, so the test decides when a job is claimed and fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeliveryApiTest {
    private static final String TOKEN = "test-admin-token-0123456789";
    private static final TenantId TENANT = TestRedis.uniqueTenant();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("handoff.redis.url", () -> TestRedis.uri().toString());
        registry.add("handoff.admin-token", () -> TOKEN);
        registry.add("handoff.demo.mode", () -> "never");
        registry.add("handoff.scheduler.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    @Autowired
    Delivery delivery;

    @Autowired
    Scheduler scheduler;

    @BeforeAll
    static void tenant(@Autowired GraphStore store) {
        store.saveTenant(new Tenant(TENANT, "Delivery test", null, null, null, Instant.now()));
    }

    @Test
    void theOutboxIsTheApplicationsDelivery() {
        assertThat(delivery).isInstanceOf(Outbox.class);
    }

    @Test
    void listsDeadLettersAndReplaysThem() throws Exception {
        delivery.deliver(TENANT, new Notification(PersonId.of("pat"), Message.text("Dana named you"), "k"),
                "confirm:dana>pat");
        List<ClaimedJob> claimed = scheduler.claim(TENANT, "test", 10, Duration.ofMinutes(1));
        assertThat(claimed).hasSize(1);
        scheduler.fail(claimed.get(0), Optional.empty(), "slack answered 404 user_not_found");

        HttpResponse<String> list = send("GET", "/dead-letters", null, TOKEN);
        JsonNode letters = JSON.readTree(list.body());
        String id = letters.get(0).get("id").asString();
        HttpResponse<String> replay = send("POST", "/dead-letters/" + id + "/replay", null, TOKEN);
        HttpResponse<String> again = send("POST", "/dead-letters/" + id + "/replay", null, TOKEN);
        HttpResponse<String> noToken = send("GET", "/dead-letters", null, null);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).get("type").asString()).isEqualTo("outbox.send");
        assertThat(letters.get(0).get("to").asString()).isEqualTo("pat");
        assertThat(letters.get(0).get("key").asString()).isEqualTo("confirm:dana>pat");
        assertThat(letters.get(0).get("summary").asString()).isEqualTo("Dana named you");
        assertThat(letters.get(0).get("lastError").asString()).contains("user_not_found");
        assertThat(replay.statusCode()).isEqualTo(202);
        assertThat(scheduler.job(TENANT, id).orElseThrow().state()).isEqualTo(JobState.DUE);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(send("GET", "/dead-letters", null, TOKEN).body())).isEmpty();
        assertThat(send("GET", "/dead-letters?limit=0", null, TOKEN).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/delivery-decisions", null, TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void storesValidSettingsAndReturnsThem() throws Exception {
        HttpResponse<String> defaults = send("GET", "/settings", null, TOKEN);
        HttpResponse<String> saved = send("PUT", "/settings", """
                {"workingDays": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"], "workdayStart": "08:30",
                 "workdayEnd": "16:00", "weeklyCap": 2, "frictionPollEvery": "P4W", "minRespondents": 4,
                 "digestChannel": "C0123", "managerReportDigest": true}""", TOKEN);
        JsonNode read = JSON.readTree(send("GET", "/settings", null, TOKEN).body());

        assertThat(defaults.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(defaults.body()).get("weeklyCap").asInt()).isEqualTo(3);
        assertThat(JSON.readTree(defaults.body()).get("minRespondents").asInt()).isEqualTo(3);
        assertThat(JSON.readTree(defaults.body()).get("managerReportDigest").asBoolean()).isFalse();
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(read.get("weeklyCap").asInt()).isEqualTo(2);
        assertThat(read.get("workdayStart").asString()).isEqualTo("08:30:00");
        assertThat(read.get("frictionPollEvery").asString()).isEqualTo("P28D");
        assertThat(read.get("workingDays")).hasSize(4);
        assertThat(read.get("minCommentRespondents").asInt()).isEqualTo(5);
        assertThat(read.get("digestChannel").asString()).isEqualTo("C0123");
        assertThat(read.get("staleAfter").asString()).isEqualTo("P6M");
        assertThat(read.get("managerReportDigest").asBoolean()).isTrue();
    }

    @Test
    void refusesInvalidSettingsWithAClearProblem() throws Exception {
        HttpResponse<String> tooFew = send("PUT", "/settings", "{\"minRespondents\": 1, \"weeklyCap\": -1}", TOKEN);
        HttpResponse<String> unknown = send("PUT", "/settings", "{\"weeklyCapp\": 2}", TOKEN);
        HttpResponse<String> badDay = send("PUT", "/settings", "{\"workingDays\": [\"FUNDAY\"]}", TOKEN);
        HttpResponse<String> notJson = send("PUT", "/settings", "weeklyCap=2", TOKEN);
        HttpResponse<String> unknownTenant = send("PUT", "/settings", "{}", TOKEN, "no-such-tenant");

        assertThat(tooFew.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(tooFew.body());
        assertThat(problem.get("problems")).hasSize(2);
        assertThat(problem.get("type").asString()).isEqualTo(ProblemType.INVALID_SETTINGS.uri().toString());
        assertThat(tooFew.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(problem.get("detail").asString()).contains("minRespondents must be at least 2");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).get("detail").asString()).contains("unknown setting 'weeklyCapp'");
        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badDay.body()).get("detail").asString()).contains("days like MONDAY");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(unknownTenant.statusCode()).isEqualTo(404);
        for (HttpResponse<String> response : List.of(tooFew, unknown, badDay, notJson)) {
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.handoff");
        }
        assertThat(JSON.readTree(send("GET", "/settings", null, TOKEN).body()).get("minRespondents").asInt())
                .isNotEqualTo(1);
    }

    private HttpResponse<String> send(String method, String path, String body, String token)
            throws IOException, InterruptedException {
        return send(method, path, body, token, TENANT.value());
    }

    private HttpResponse<String> send(String method, String path, String body, String token, String tenant)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/tenants/" + tenant + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
