package io.handoff.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.testing.TestAppProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin API's published contract: the OpenAPI document the running app serves (with the admin token) is the one
 * committed as {@code docs/openapi.json}. A change to a route, a parameter, a response or a view record changes the
 * document; then run {@value #REGENERATE} and commit the file, so the contract's diff is reviewed with the code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiContractTest {
    static final Path COMMITTED = Path.of("docs/openapi.json");
    static final String REGENERATE =
            "./mvnw -q -B test -Dtest=OpenApiContractTest -Dhandoff.openapi.write=true";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedisWithAdminToken(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        HttpResponse<String> served = get("/v3/api-docs");
        assertThat(served.statusCode()).isEqualTo(200);
        String document = normalised(served.body());
        if (Boolean.getBoolean("handoff.openapi.write")) {
            Files.writeString(COMMITTED, document, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        if (!document.equals(committed)) {
            fail("docs/openapi.json differs from the document the app serves (" + firstDifference(committed, document)
                    + "): run " + REGENERATE + " and commit docs/openapi.json");
        }
    }

    /** Where two documents first differ, by line, so the failure reads without a dump of both. */
    static String firstDifference(String committed, String served) {
        String[] was = committed.split("\n", -1);
        String[] is = served.split("\n", -1);
        int line = 0;
        while (line < Math.min(was.length, is.length) && was[line].equals(is[line])) {
            line++;
        }
        return "first at line " + (line + 1) + ": committed " + (line < was.length ? "'" + was[line].strip() + "'"
                : "ends") + ", served " + (line < is.length ? "'" + is[line].strip() + "'" : "ends");
    }

    @Test
    void theDocumentDescribesTheAdminApiItsTokenAndItsProblems() throws Exception {
        JsonNode document = JSON.readTree(get("/v3/api-docs").body());

        assertThat(document.get("openapi").asString()).startsWith("3.1");
        assertThat(document.get("info").get("title").asString()).isEqualTo("Handoff admin API");
        assertThat(document.get("info").get("version").asString()).isNotBlank().isNotEqualTo("unknown");
        assertThat(document.get("components").get("securitySchemes").get(OpenApiConfiguration.BEARER)
                .get("scheme").asString()).isEqualTo("bearer");
        JsonNode paths = document.get("paths");
        assertThat(paths.propertyNames()).allMatch(path -> path.startsWith("/api/v1/") || path.startsWith("/scim/v2/"))
                .contains("/api/v1/tenants/{tenant}/graph", "/api/v1/tenants/{tenant}/journeys/{journey}/signals");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey() + " " + path.getKey();
                assertThat(operation.getValue().get("summary")).as(name).isNotNull();
                JsonNode responses = operation.getValue().get("responses");
                if (path.getKey().startsWith("/scim/v2/")) { // SCIM errors are RFC 7644 bodies, never problems
                    assertThat(responses.get("401").get("content").get("application/scim+json")).as(name).isNotNull();
                    continue;
                }
                assertThat(responses.get("401").get("content").get("application/problem+json")).as(name).isNotNull();
                if (path.getKey().contains("{tenant}")) {
                    assertThat(responses.get("404")).as(name).isNotNull();
                }
            }
        }
        JsonNode signals = paths.get("/api/v1/tenants/{tenant}/journeys/{journey}/signals").get("post");
        assertThat(signals.get("responses").propertyNames()).contains("200", "400", "401", "404", "413");
        assertThat(paths.get("/api/v1/tenants/{tenant}/journeys/{journey}").get("put").get("responses")
                .propertyNames()).contains("200", "201", "400", "413");
        assertThat(paths.get("/api/v1/tenants/{tenant}/journeys/{journey}").get("delete").get("responses")
                .propertyNames()).contains("204", "404");
        assertThat(paths.get("/api/v1/tenants/{tenant}/dead-letters/{id}/replay").get("post").get("responses")
                .propertyNames()).contains("202", "404");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestAppProperties.ADMIN_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Without {@code servers} (the random port), keys sorted at every level, pretty-printed, one final newline. */
    static String normalised(String document) {
        ObjectNode tree = (ObjectNode) JSON.readTree(document);
        tree.remove("servers");
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(tree)) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> keys = new TreeMap<>();
            node.properties().forEach(entry -> keys.put(entry.getKey(), sorted(entry.getValue())));
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            keys.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(sorted(item)));
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            items.forEach(copy::add);
            return copy;
        }
        return node;
    }
}
