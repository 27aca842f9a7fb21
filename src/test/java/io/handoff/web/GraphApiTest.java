package io.handoff.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.GraphStore;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;
import io.handoff.security.ProblemType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The admin read API over real HTTP, against the real Redis test server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GraphApiTest {
    private static final String TOKEN = "test-admin-token-0123456789";
    private static final TenantId TENANT = TestRedis.uniqueTenant();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("handoff.redis.url", () -> TestRedis.uri().toString());
        registry.add("handoff.admin-token", () -> TOKEN);
        registry.add("handoff.demo.mode", () -> "never");
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void loadSample(@Autowired GraphStore store) {
        SampleOrganisation.load(store, TENANT, NOW);
    }

    @Test
    void refusesRequestsWithoutTheAdminToken() throws Exception {
        HttpResponse<String> none = get("/api/v1/tenants/" + TENANT + "/graph", null);
        HttpResponse<String> wrong = get("/api/v1/tenants/" + TENANT + "/graph", "not-the-token-at-all");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"handoff\"");
        assertThat(JSON.readTree(none.body()).get("status").asInt()).isEqualTo(401);
        assertThat(JSON.readTree(none.body()).get("type").asString()).isEqualTo(ProblemType.UNAUTHORIZED.uri().toString());
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain(TENANT.value());
    }

    @Test
    void returnsTheWholeGraphOfATenant() throws Exception {
        HttpResponse<String> response = get("/api/v1/tenants/" + TENANT + "/graph", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode graph = JSON.readTree(response.body());
        assertThat(graph.get("tenant").asString()).isEqualTo(TENANT.value());
        assertThat(graph.get("people")).hasSize(17);
        assertThat(graph.get("teams")).hasSize(11);
        assertThat(graph.get("edges")).hasSize(21);
        JsonNode hiddenCustomer = edge(graph, "pat", "dana");
        assertThat(hiddenCustomer.get("what").asString()).isEqualTo("truck loaded in delivery order");
        assertThat(hiddenCustomer.get("claimedBy").asString()).isEqualTo("downstream");
        assertThat(hiddenCustomer.get("status").asString()).isEqualTo("claimed");
        assertThat(hiddenCustomer.get("criticality").asString()).isEqualTo("critical");
        assertThat(edge(graph, "chris", "bea").get("status").asString()).isEqualTo("disputed");
        assertThat(edge(graph, "sam", "pat").get("lastConfirmedAt").asString()).isEqualTo(NOW.minus(10, ChronoUnit.DAYS).toString());
        assertThat(graph.get("people").get(0).has("email")).isFalse();
    }

    @Test
    void returnsTheEgoMapOfAPersonToTheAskedDepth() throws Exception {
        JsonNode depth1 = JSON.readTree(get("/api/v1/tenants/" + TENANT + "/people/pat/map?depth=1", TOKEN).body());
        JsonNode depth2 = JSON.readTree(get("/api/v1/tenants/" + TENANT + "/people/pat/map?depth=2", TOKEN).body());
        JsonNode byDefault = JSON.readTree(get("/api/v1/tenants/" + TENANT + "/people/pat/map", TOKEN).body());

        assertThat(ids(depth1.get("graph").get("people"))).containsExactly("dana", "pat", "sam");
        assertThat(depth1.get("graph").get("edges")).hasSize(2);
        assertThat(depth1.get("centre").asString()).isEqualTo("pat");
        assertThat(ids(depth2.get("graph").get("people"))).containsExactly("chris", "dana", "mia", "pat", "sam");
        assertThat(byDefault.get("depth").asInt()).isEqualTo(1);
    }

    @Test
    void summarisesCoverageSilosBottlenecksHiddenCustomersCyclesAndStaleHandoffs() throws Exception {
        HttpResponse<String> response = get("/api/v1/tenants/" + TENANT + "/insights", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode insights = JSON.readTree(response.body());
        JsonNode coverage = insights.get("coverage");
        assertThat(coverage.get("teams").asInt()).isEqualTo(11);
        assertThat(coverage.get("edges").asInt()).isEqualTo(21);
        assertThat(coverage.get("resolvedEdges").asInt()).isEqualTo(14);
        assertThat(insights.get("hiddenCustomers")).hasSize(7);
        assertThat(insights.get("hiddenCustomers").get(0).get("edge").get("criticality").asString()).isEqualTo("critical");
        assertThat(insights.get("staleEdges").valueStream()
                .map(e -> e.get("upstream").asString() + ">" + e.get("downstream").asString()))
                .containsExactly("dee>ben", "lee>ravi");
        assertThat(insights.get("cycles").valueStream().map(JsonNode::toString))
                .containsExactly("[\"ben\",\"dee\",\"phil\",\"tom\",\"wen\",\"will\"]",
                        "[\"chris\",\"dana\",\"mia\",\"pat\",\"sam\"]");
        assertThat(insights.get("personBottlenecks").get(0).get("criticalDependents").asInt()).isPositive();
        assertThat(insights.get("teamBottlenecks")).isNotEmpty();
        assertThat(insights.get("staleAfterDays").asInt()).isEqualTo(180);
        assertThat(get("/api/v1/tenants/" + TENANT + "/insights?staleAfterDays=0", TOKEN).statusCode()).isEqualTo(400);
    }

    @Test
    void answersBadDepthWith400() throws Exception {
        for (String depth : List.of("0", "4", "-1", "two", "1.5")) {
            HttpResponse<String> response = get("/api/v1/tenants/" + TENANT + "/people/pat/map?depth=" + depth, TOKEN);
            assertThat(response.statusCode()).as("depth=" + depth).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("depth");
            assertThat(JSON.readTree(response.body()).get("type").asString()).isEqualTo(ProblemType.INVALID_REQUEST.uri().toString());
        }
    }

    @Test
    void answersUnknownTenantOrPersonWith404AndBadIdsWith400() throws Exception {
        HttpResponse<String> unknownTenant = get("/api/v1/tenants/no-such-tenant/graph", TOKEN);
        HttpResponse<String> unknownPerson = get("/api/v1/tenants/" + TENANT + "/people/nobody/map", TOKEN);
        HttpResponse<String> badPerson = get("/api/v1/tenants/" + TENANT + "/people/a%7Bb%7D/map", TOKEN);
        HttpResponse<String> badTenant = get("/api/v1/tenants/%7Bt%7D%3Ax/graph", TOKEN);

        assertThat(unknownTenant.statusCode()).isEqualTo(404);
        assertThat(unknownPerson.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknownPerson.body()).get("detail").asString()).contains("nobody");
        assertThat(JSON.readTree(unknownTenant.body()).get("type").asString()).isEqualTo(ProblemType.NOT_FOUND.uri().toString());
        assertThat(JSON.readTree(badTenant.body()).get("type").asString()).isEqualTo(ProblemType.INVALID_REQUEST.uri().toString());
        assertThat(badPerson.statusCode()).isEqualTo(400);
        assertThat(badTenant.statusCode()).isEqualTo(400);
        for (HttpResponse<String> response : List.of(unknownTenant, unknownPerson, badPerson, badTenant)) {
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.handoff");
        }
    }

    @Test
    void importsARosterUploadedAsCsv() throws Exception {
        String csv = "email,name,team,manager_email\nada@ward.example,Ada Mensah,Admissions,\nbad,Nobody,Admissions,\n";

        HttpResponse<String> imported = post("/api/v1/tenants/" + TENANT + "/roster", csv, "text/csv", TOKEN);
        HttpResponse<String> notCsv = post("/api/v1/tenants/" + TENANT + "/roster", "name;team\nx;y\n", "text/csv", TOKEN);
        HttpResponse<String> noToken = post("/api/v1/tenants/" + TENANT + "/roster", csv, "text/csv", null);
        HttpResponse<String> unknownTenant = post("/api/v1/tenants/nope/roster", csv, "text/csv", TOKEN);

        assertThat(imported.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(imported.body());
        assertThat(report.get("rows").asInt()).isEqualTo(2);
        assertThat(report.get("peopleCreated").asInt()).isEqualTo(1);
        assertThat(report.get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(notCsv.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notCsv.body()).get("detail").asString()).contains("email,name,team");
        assertThat(JSON.readTree(notCsv.body()).get("type").asString()).isEqualTo(ProblemType.INVALID_REQUEST.uri().toString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(unknownTenant.statusCode()).isEqualTo(404);
    }

    @Test
    void reportsRedisInTheHealthProbe() throws Exception {
        HttpResponse<String> health = get("/actuator/health", TOKEN); // details only for the admin
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);

        JsonNode body = JSON.readTree(health.body());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(body.get("components").get("redis").get("status").asString()).isEqualTo("UP");
        assertThat(body.get("components").get("redis").get("details").get("embedded").asBoolean()).isFalse();
        assertThat(readiness.statusCode()).isEqualTo(200);
    }

    private static JsonNode edge(JsonNode graph, String upstream, String downstream) {
        for (JsonNode edge : graph.get("edges")) {
            if (edge.get("upstream").asString().equals(upstream) && edge.get("downstream").asString().equals(downstream)) {
                return edge;
            }
        }
        throw new AssertionError("no edge " + upstream + " -> " + downstream + " in " + graph);
    }

    private static List<String> ids(JsonNode people) {
        return people.valueStream().map(p -> p.get("id").asString()).toList();
    }

    private HttpResponse<String> post(String path, String body, String contentType, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
