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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.privacy.DataSection;
import io.handoff.privacy.PersonalData;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestAppProperties;
import io.handoff.testing.TestRedis;
import io.handoff.security.ProblemType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The journeys admin API over real HTTP on the real test Redis: JSON and YAML definitions, field-level 400s, 404s,
 * the token, signal imports (CSV and JSON, bad rows, 413, re-import), the blueprint and a line of sight, and the demo
 * tenant's journeys after start-up seeding.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JourneyApiTest {
    private static final String TOKEN = TestAppProperties.ADMIN_TOKEN;
    private static final TenantId TENANT = TestRedis.uniqueTenant();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String BASE = "/api/v1/tenants/" + TENANT + "/journeys";
    static final String YAML_DEFINITION = """
            name: Parcel delivery
            customer: someone expecting a parcel
            stages:
              - name: Delivery
                touchpoints:
                  - id: delivered
                    name: Parcel delivered
                    channel: in-person
                    weight: game-over
                    owners: {teams: [drivers], people: [dana]}
              - name: After delivery
                touchpoints:
                  - id: invoice
                    name: Invoice
                    channel: email
                    weight: routine
                    owners: {teams: [billing]}
            """;
    static final String JSON_DEFINITION = """
            {"name": "Hospital stay", "customer": "a patient",
             "stages": [{"name": "Going home", "touchpoints": [
               {"id": "discharge", "name": "Discharge", "channel": "in-person", "weight": "game-over",
                "owners": {"teams": ["discharge"], "people": ["will"]}}]}]}
            """;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedisWithAdminToken(registry);
        registry.add("handoff.demo.mode", () -> "always");
        registry.add("handoff.journeys.max-signal-bytes", () -> "20000");
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void loadSample(@Autowired GraphStore store) {
        SampleOrganisation.load(store, TENANT, NOW);
    }

    @Test
    void aYamlDefinitionIsStoredAndReadBackAsJsonOrYaml() throws Exception {
        HttpResponse<String> created = send("PUT", BASE + "/parcel", "application/yaml", YAML_DEFINITION, TOKEN);
        HttpResponse<String> again = send("PUT", BASE + "/parcel", "application/yaml", YAML_DEFINITION, TOKEN);
        HttpResponse<String> json = send("GET", BASE + "/parcel", null, null, TOKEN);
        HttpResponse<String> yaml = send("GET", BASE + "/parcel", null, null, TOKEN, "application/yaml");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        JsonNode journey = JSON.readTree(json.body());
        assertThat(journey.get("name").asString()).isEqualTo("Parcel delivery");
        JsonNode delivered = journey.get("stages").get(0).get("touchpoints").get(0);
        assertThat(delivered.get("weight").asString()).isEqualTo("game-over");
        assertThat(delivered.get("owners").get("people").get(0).asString()).isEqualTo("dana");
        assertThat(delivered.get("ownerless").asBoolean()).isFalse();
        assertThat(yaml.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
        JsonNode fromYaml = new YAMLMapper().readTree(yaml.body());
        HttpResponse<String> putBack = send("PUT", BASE + "/parcel", "application/yaml", yaml.body(), TOKEN);
        assertThat(putBack.statusCode()).as("what GET answers can be PUT back: " + putBack.body()).isEqualTo(200);
        assertThat(fromYaml.get("stages").get(1).get("touchpoints").get(0).get("channel").asString()).isEqualTo("email");
    }

    @Test
    void aJsonDefinitionIsStoredListedAndDeleted() throws Exception {
        HttpResponse<String> put = send("PUT", BASE + "/stay", "application/json", JSON_DEFINITION, TOKEN);
        HttpResponse<String> list = send("GET", BASE, null, null, TOKEN);

        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        assertThat(JSON.readTree(list.body()).valueStream().map(j -> j.get("id").asString())).contains("stay");
        JsonNode stay = JSON.readTree(list.body()).valueStream().filter(j -> j.get("id").asString().equals("stay"))
                .findFirst().orElseThrow();
        assertThat(stay.get("gameOver").asInt()).isEqualTo(1);
        assertThat(stay.get("ownerless").asInt()).isZero();

        assertThat(send("DELETE", BASE + "/stay", null, null, TOKEN).statusCode()).isEqualTo(204);
        assertThat(send("GET", BASE + "/stay", null, null, TOKEN).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", BASE + "/stay", null, null, TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void badDefinitionsGet400WithFieldLevelMessages() throws Exception {
        String bad = """
                {"name": "", "customer": "someone", "stages": [{"name": "S", "touchpoints": [
                  {"id": "t", "name": "T", "channel": "fax", "weight": "game-over", "owners": {"teams": ["nope"]}}]}]}
                """;
        HttpResponse<String> response = send("PUT", BASE + "/bad", "application/json", bad, TOKEN);
        HttpResponse<String> unknownOwner = send("PUT", BASE + "/bad", "application/json",
                bad.replace("\"\"", "\"Named\"").replace("fax", "phone"), TOKEN);
        HttpResponse<String> notJson = send("PUT", BASE + "/bad", "application/json", "{\"name\": ", TOKEN);
        HttpResponse<String> notYaml = send("PUT", BASE + "/bad", "application/yaml", "name: [unclosed", TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = JSON.readTree(response.body()).get("errors");
        assertThat(JSON.readTree(response.body()).get("type").asString()).isEqualTo(ProblemType.INVALID_JOURNEY.uri().toString());
        assertThat(JSON.readTree(unknownOwner.body()).get("type").asString()).isEqualTo(ProblemType.INVALID_JOURNEY.uri().toString());
        assertThat(errors.valueStream().map(e -> e.get("field").asString()))
                .containsExactly("name", "stages[0].touchpoints[0].channel");
        assertThat(errors.get(1).get("message").asString()).startsWith("must be one of in-person");
        assertThat(unknownOwner.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknownOwner.body()).get("errors").get(0).get("field").asString())
                .isEqualTo("stages[0].touchpoints[0].owners.teams[0]");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).get("detail").asString()).startsWith("the body is not valid JSON");
        assertThat(JSON.readTree(notJson.body()).get("type").asString()).isEqualTo(ProblemType.INVALID_REQUEST.uri().toString());
        assertThat(notYaml.statusCode()).isEqualTo(400);
        assertThat(send("GET", BASE + "/bad", null, null, TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void idsThatCouldBreakTheKeyTagAreRefusedWith400() throws Exception {
        for (String id : new String[] {"a%7Bb", "a%7Db", "a:b", "a%20b", "x".repeat(10_000)}) {
            HttpResponse<String> response = send("PUT", BASE + "/" + id, "application/yaml", YAML_DEFINITION, TOKEN);
            assertThat(response.statusCode()).as(id.length() > 20 ? "10,000 characters" : id).isIn(400);
            assertThat(response.body()).doesNotContain("Exception");
        }
        assertThat(send("GET", BASE + "/a%7Bb%7D", null, null, TOKEN).statusCode()).isEqualTo(400);
    }

    @Test
    void unknownTenantsAndJourneysAre404AndNoTokenIs401() throws Exception {
        assertThat(send("GET", "/api/v1/tenants/no-such-tenant/journeys", null, null, TOKEN).statusCode()).isEqualTo(404);
        assertThat(send("GET", BASE + "/never-defined", null, null, TOKEN).statusCode()).isEqualTo(404);
        assertThat(send("GET", BASE + "/never-defined/blueprint", null, null, TOKEN).statusCode()).isEqualTo(404);
        assertThat(send("POST", BASE + "/never-defined/signals", "text/csv", "x", TOKEN).statusCode()).isEqualTo(404);
        assertThat(send("GET", BASE, null, null, null).statusCode()).isEqualTo(401);
        assertThat(send("PUT", BASE + "/parcel", "application/yaml", YAML_DEFINITION, null).statusCode()).isEqualTo(401);
        assertThat(send("DELETE", BASE + "/parcel", null, null, "wrong-token-wrong-token").statusCode()).isEqualTo(401);
        assertThat(send("POST", BASE + "/parcel/signals", "text/csv", "x", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/tenants/" + TENANT + "/people/pat/line-of-sight", null, null, null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void signalsImportAsCsvAndJsonAndReImportingChangesNothing() throws Exception {
        send("PUT", BASE + "/signals-ok", "application/yaml", YAML_DEFINITION, TOKEN);
        String csv = "touchpoint,period,metric,value,sample_size,better\n"
                + "delivered,2026-W14,on-time %,91.5,1400,higher\ninvoice,2026-04,complaints,3,1400,lower\n";
        String json = "[{\"touchpoint\": \"delivered\", \"period\": \"2026-W15\", \"metric\": \"CSAT\", \"value\": 3.9,"
                + " \"sampleSize\": 180, \"better\": \"higher\"}]";

        HttpResponse<String> first = send("POST", BASE + "/signals-ok/signals", "text/csv", csv, TOKEN);
        HttpResponse<String> again = send("POST", BASE + "/signals-ok/signals", "text/csv", csv, TOKEN);
        HttpResponse<String> fromJson = send("POST", BASE + "/signals-ok/signals", "application/json", json, TOKEN);
        HttpResponse<String> stored = send("GET", BASE + "/signals-ok/signals", null, null, TOKEN);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).get("changed").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(again.body()).get("changed").asInt()).isZero();
        assertThat(JSON.readTree(fromJson.body()).get("changed").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(stored.body()).valueStream().map(s -> s.get("period").asString() + " " + s.get("metric").asString()))
                .containsExactly("2026-W14 on-time %", "2026-W15 CSAT", "2026-04 complaints");
    }

    @Test
    void badSignalRowsAre400WithRowAndColumnAndNothingIsWritten() throws Exception {
        send("PUT", BASE + "/signals-bad", "application/yaml", YAML_DEFINITION, TOKEN);
        String csv = "touchpoint,period,metric,value,sample_size,better\n"
                + "delivered,2026-W14,CSAT,4.0,100,higher\nelsewhere,2026-W14,CSAT,4.0,100,higher\n"
                + "delivered,last week,CSAT,4.0,100,higher\n";

        HttpResponse<String> response = send("POST", BASE + "/signals-bad/signals", "text/csv", csv, TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode errors = JSON.readTree(response.body()).get("errors");
        assertThat(JSON.readTree(response.body()).get("type").asString()).isEqualTo(ProblemType.INVALID_SIGNALS.uri().toString());
        assertThat(errors.valueStream().map(e -> e.get("row").asInt() + ":" + e.get("column").asString()))
                .containsExactly("2:touchpoint", "3:period");
        assertThat(errors.get(0).get("message").asString()).contains("no touchpoint 'elsewhere'");
        assertThat(JSON.readTree(send("GET", BASE + "/signals-bad/signals", null, null, TOKEN).body())).isEmpty();
        assertThat(send("POST", BASE + "/signals-bad/signals", "application/xml", "<x/>", TOKEN).statusCode())
                .isEqualTo(415);
    }

    @Test
    void aSignalBodyAboveTheLimitIs413() throws Exception {
        send("PUT", BASE + "/signals-big", "application/yaml", YAML_DEFINITION, TOKEN);
        StringBuilder csv = new StringBuilder("touchpoint,period,metric,value,sample_size,better\n");
        for (int week = 1; csv.length() <= 20_000; week = week % 52 + 1) {
            csv.append("delivered,2026-W").append(String.format("%02d", week)).append(",metric ").append(csv.length())
                    .append(",1,1,higher\n");
        }

        HttpResponse<String> response = send("POST", BASE + "/signals-big/signals", "text/csv", csv.toString(), TOKEN);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("at most 20000 bytes");
        assertThat(JSON.readTree(response.body()).get("type").asString()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE.uri().toString());
        assertThat(JSON.readTree(send("GET", BASE + "/signals-big/signals", null, null, TOKEN).body())).isEmpty();
    }

    @Test
    void theBlueprintAndALineOfSightAnswerFromTheGraph() throws Exception {
        send("PUT", BASE + "/bp", "application/yaml", YAML_DEFINITION, TOKEN);

        HttpResponse<String> blueprint = send("GET", BASE + "/bp/blueprint", null, null, TOKEN);
        HttpResponse<String> shallow = send("GET", BASE + "/bp/blueprint?depth=1", null, null, TOKEN);
        HttpResponse<String> sight = send("GET", "/api/v1/tenants/" + TENANT + "/people/pat/line-of-sight", null, null, TOKEN);

        assertThat(blueprint.statusCode()).as(blueprint.body()).isEqualTo(200);
        JsonNode delivered = JSON.readTree(blueprint.body()).get("stages").get(0).get("touchpoints").get(0);
        assertThat(JSON.readTree(blueprint.body()).get("depth").asInt()).isEqualTo(4);
        assertThat(delivered.get("frontStage").valueStream().map(f -> f.get("person").asString()))
                .containsExactly("dana", "ravi");
        assertThat(delivered.get("backstage").valueStream().map(h -> h.get("upstream").asString() + ">"
                + h.get("downstream").asString() + "@" + h.get("hops").asInt()))
                .contains("pat>dana@1", "sam>pat@2", "lee>ravi@1", "noor>lee@2");
        assertThat(delivered.get("backstage").get(0).get("criticality").asString()).isEqualTo("critical");
        assertThat(JSON.readTree(shallow.body()).get("stages").get(0).get("touchpoints").get(0).get("backstage")
                .valueStream().allMatch(h -> h.get("hops").asInt() == 1)).isTrue();
        JsonNode reach = JSON.readTree(sight.body()).get("reaches").get(0);
        assertThat(JSON.readTree(sight.body()).get("reachesGameOver").asBoolean()).isTrue();
        assertThat(reach.get("touchpointName").asString()).isEqualTo("Parcel delivered");
        assertThat(reach.get("hops").asInt()).isEqualTo(1);
        assertThat(reach.get("throughNames").get(0).asString()).isEqualTo("Dana Kowalski");
        assertThat(send("GET", BASE + "/bp/blueprint?depth=99", null, null, TOKEN).statusCode()).isEqualTo(400);
        assertThat(send("GET", BASE + "/bp/blueprint?depth=deep", null, null, TOKEN).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/v1/tenants/" + TENANT + "/people/nobody/line-of-sight", null, null, TOKEN)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void myDataShowsTheTouchpointsAPersonOwns(@Autowired java.util.List<PersonalData> stores) throws Exception {
        send("PUT", BASE + "/owned", "application/yaml", YAML_DEFINITION, TOKEN);

        java.util.List<DataSection> sections = stores.stream()
                .flatMap(store -> store.describe(TENANT, PersonId.of("dana")).stream()).toList();

        assertThat(sections).filteredOn(s -> s.title().equals("Customer journeys")).singleElement()
                .satisfies(s -> assertThat(s.lines()).contains(
                        "Front-line owner of \"Parcel delivered\" in the journey \"Parcel delivery\""));
    }

    @Test
    void eachDemoStoryHasItsOwnJourneyAfterSeeding() throws Exception {
        HttpResponse<String> list = send("GET", "/api/v1/tenants/depot/journeys", null, null, TOKEN);
        HttpResponse<String> sight = send("GET", "/api/v1/tenants/depot/people/pat/line-of-sight", null, null, TOKEN);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).valueStream().map(j -> j.get("id").asString()))
                .containsExactly("parcel-delivery");
        assertThat(JSON.readTree(send("GET", "/api/v1/tenants/ward/journeys", null, null, TOKEN).body()).valueStream()
                .map(j -> j.get("id").asString())).containsExactly("hospital-stay");
        assertThat(JSON.readTree(sight.body()).get("reaches").get(0).get("touchpoint").asString())
                .isEqualTo("parcel-delivered");
        assertThat(JSON.readTree(send("GET", "/api/v1/tenants/depot/journeys/parcel-delivery/signals", null, null,
                TOKEN).body()).size()).isEqualTo(48);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String token)
            throws Exception {
        return send(method, path, contentType, body, token, null);
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String token,
                                      String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
