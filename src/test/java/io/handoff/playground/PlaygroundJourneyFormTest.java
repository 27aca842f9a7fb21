package io.handoff.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.demo.SampleJourneys;
import io.handoff.demo.DemoStory;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.journey.Journey;
import io.handoff.journey.Journeys;
import io.handoff.journey.Touchpoint;
import io.handoff.journey.TouchpointId;
import io.handoff.testing.PlaygroundCsrf;
import io.handoff.testing.TestRedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code journey edit} and {@code journey new} in the playground over real HTTP, with no HANDOFF_MAP_ADMINS: Wen,
 * the ward story's admin named in its demo data, gets the form prefilled, a bad line comes back as a form error under
 * its field, the owners step offers the ward's teams (a multiple choice) and people, and the round trip stores the
 * journey; Lee, a manager in the depot but no admin, is told the depot's admin is Mia. The demo data's admins count
 * only in the story tenants.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaygroundJourneyFormTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("handoff.redis.url", () -> TestRedis.uri().toString());
        registry.add("handoff.demo.mode", () -> "never");
        registry.add("handoff.playground.enabled", () -> "true");
    }

    @LocalServerPort
    int port;

    @Autowired
    Journeys journeys;

    @BeforeEach
    void freshDemo() throws Exception {
        assertThat(post("/playground/api/tenants/depot/reset", "{}").statusCode()).isEqualTo(200);
        assertThat(post("/playground/api/tenants/ward/reset", "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminEditsAJourneyAndPicksItsOwnersThroughThePlaygroundForms() throws Exception {
        JsonNode opened = JSON.readTree(post("/playground/api/tenants/ward/people/wen/command",
                "{\"text\":\"journey edit hospital-stay\"}").body());
        assertThat(opened.get("kind").asString()).isEqualTo("form");
        JsonNode form = opened.get("form");
        assertThat(form.get("id").asString()).isEqualTo("journey-form.define");
        JsonNode lines = field(form, "touchpoints");
        assertThat(lines.get("type").asString()).isEqualTo("text");
        assertThat(lines.get("multiline").asBoolean()).isTrue();
        String prefilled = lines.get("initial").get(0).asString();
        assertThat(prefilled).contains("Discharge | in person | game over | discharge");

        JsonNode refused = submit("wen", form, Map.of("name", List.of("Hospital stay"), "customer",
                List.of("a patient"), "touchpoints",
                List.of(prefilled + "\nAfter | Survey | carrier pigeon | routine")));
        assertThat(refused.get("kind").asString()).isEqualTo("form-errors");
        assertThat(refused.get("errors").get("touchpoints").asString())
                .startsWith("Line " + (prefilled.split("\n").length + 1) + ": the channel must be one of");

        JsonNode owners = submit("wen", form, Map.of("name", List.of("Hospital stay"), "customer",
                List.of("a patient admitted through the emergency department"),
                "touchpoints", List.of(prefilled + "\nAfter | Survey | email | routine")));
        assertThat(owners.get("kind").asString()).isEqualTo("form");
        assertThat(owners.get("form").get("id").asString()).isEqualTo("journey-form.owners");
        // eight touchpoints and the new one: ten fit on one page
        JsonNode survey = field(owners.get("form"), "teams.survey");
        assertThat(survey.get("type").asString()).isEqualTo("choices");
        assertThat(survey.get("options").findValuesAsString("label")).contains("Ward 4 nursing");
        JsonNode discharge = field(owners.get("form"), "teams.discharge");
        assertThat(discharge.get("initial").valueStream().map(JsonNode::asString)).containsExactly("discharge", "ward");
        assertThat(field(owners.get("form"), "people.survey").get("type").asString()).isEqualTo("people");

        JsonNode done = submit("wen", owners.get("form"), Map.of("teams.survey", List.of("ward", "discharge"),
                "people.survey", List.of("wen"), "teams.discharge", List.of("discharge")));
        assertThat(done.get("kind").asString()).isEqualTo("close-form");
        assertThat(done.get("message").toString()).contains("Saved ", "Hospital stay");
        Journey stored = journeys.journey(DemoStory.WARD.tenant(), SampleJourneys.HOSPITAL_STAY).orElseThrow();
        Touchpoint added = stored.touchpoint(TouchpointId.of("survey")).orElseThrow();
        assertThat(added.ownerTeams()).containsExactly(TeamId.of("ward"), TeamId.of("discharge"));
        assertThat(added.ownerPeople()).containsExactly(PersonId.of("wen"));
        assertThat(stored.touchpoint(TouchpointId.of("discharge")).orElseThrow().ownerTeams())
                .containsExactly(TeamId.of("discharge"));

        JsonNode manager = JSON.readTree(post("/playground/api/tenants/depot/people/lee/command",
                "{\"text\":\"journey new\"}").body());
        assertThat(manager.get("kind").asString()).isEqualTo("show");
        assertThat(manager.get("message").toString()).contains("Only your Handoff admins can define customer "
                + "journeys. Your Handoff admins are: mia.");
        assertThat(JSON.readTree(post("/playground/api/tenants/depot/people/mia/command",
                "{\"text\":\"journey new\"}").body()).get("kind").asString()).as("Mia, the depot's admin")
                .isEqualTo("form");
        assertThat(journeys.journey(DemoStory.DEPOT.tenant(), SampleJourneys.HOSPITAL_STAY))
                .as("the ward's journey is the ward's alone").isEmpty();
    }

    @Autowired
    io.handoff.map.MapAccess access;

    /** The demo data's admins count in the story tenants only: the same data in any other tenant makes nobody admin. */
    @Test
    void demoDataMakesNobodyAnAdminOfAnotherTenant() {
        io.handoff.graph.TenantId acme = TestRedis.uniqueTenant();
        TestRedis.client().sadd(io.handoff.graph.TenantKeys.key(acme, "demo:admins"), "wen");
        assertThat(access.isAdmin(acme, PersonId.of("wen"))).isFalse();
        assertThat(access.admins(acme)).isEmpty();
        assertThat(access.isAdmin(DemoStory.WARD.tenant(), PersonId.of("wen"))).isTrue();
        assertThat(access.isAdmin(DemoStory.WARD.tenant(), PersonId.of("will"))).isFalse();
        assertThat(access.isAdmin(DemoStory.DEPOT.tenant(), PersonId.of("wen"))).isFalse();
    }

    private static JsonNode field(JsonNode form, String id) {
        return form.get("fields").valueStream().filter(f -> id.equals(f.get("id").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + id + " in " + form));
    }

    private JsonNode submit(String person, JsonNode form, Map<String, List<String>> values) throws Exception {
        return JSON.readTree(post("/playground/api/tenants/ward/people/" + person + "/form",
                JSON.writeValueAsString(Map.of("formId", form.get("id").asString(), "state",
                        form.get("state").asString(), "values", values))).body());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        PlaygroundCsrf csrf = PlaygroundCsrf.fromPage(HTTP, "http://127.0.0.1:" + port);
        return HTTP.send(csrf.sign(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
