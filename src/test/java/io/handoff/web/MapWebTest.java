package io.handoff.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.TeamId;
import io.handoff.graph.TenantId;
import io.handoff.map.MapLinks;
import io.handoff.map.MapScope;
import io.handoff.testing.TestRedis;
import io.handoff.security.ProblemType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The map API (admin token) and the signed-link page with its JSON, over real HTTP against the real Redis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MapWebTest {
    static final String TOKEN = "test-admin-token-0123456789";
    static final String LINK_SECRET = "test-link-secret-0123456789abcdef";
    static final TenantId TENANT = TestRedis.uniqueTenant();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("handoff.redis.url", () -> TestRedis.uri().toString());
        registry.add("handoff.admin-token", () -> TOKEN);
        registry.add("handoff.demo.mode", () -> "never");
        registry.add("handoff.maps.link-secret", () -> LINK_SECRET);
    }

    @LocalServerPort
    int port;

    @Autowired
    MapLinks links;

    @BeforeAll
    static void loadSample(@Autowired GraphStore store) {
        SampleOrganisation.load(store, TENANT, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void servesAPngOfAPersonsMapWithItsFileName() throws Exception {
        HttpResponse<byte[]> png = getBytes("/api/v1/tenants/" + TENANT + "/maps?scope=person:pat&depth=2&format=png");

        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.headers().firstValue("Content-Disposition"))
                .hasValue("inline; filename=\"handoff-map-" + TENANT + "-person-pat-2.png\"");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isGreaterThan(600);
    }

    @Test
    void servesEveryExportFormatWithItsContentType() throws Exception {
        record Expected(String format, String contentType, String disposition, String contains) {
        }
        for (Expected expected : List.of(
                new Expected("svg", "image/svg+xml", "inline", "<svg"),
                new Expected("dot", "text/vnd.graphviz;charset=utf-8", "attachment", "digraph handoffs"),
                new Expected("mermaid", "text/vnd.mermaid;charset=utf-8", "attachment", "flowchart LR"),
                new Expected("csv", "text/csv;charset=utf-8", "attachment", "upstream_id,upstream_name"),
                new Expected("graphml", "application/graphml+xml;charset=utf-8", "attachment", "<graphml"),
                new Expected("gexf", "application/gexf+xml;charset=utf-8", "attachment", "http://gexf.net/1.3"),
                new Expected("json", "application/json", "inline", "\"nodes\""),
                new Expected("backstage", "application/yaml;charset=utf-8", "attachment", "kind: Group"),
                new Expected("team-api", "application/yaml;charset=utf-8", "attachment", "teamApi:"))) {
            HttpResponse<byte[]> response = getBytes("/api/v1/tenants/" + TENANT + "/maps?scope=org&format="
                    + expected.format());
            assertThat(response.statusCode()).as(expected.format()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                    .as(expected.format()).isEqualTo(expected.contentType());
            assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                    .startsWith(expected.disposition() + "; filename=\"handoff-map-" + TENANT + "-org");
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains(expected.contains());
        }
    }

    @Test
    void answersBadScopeFormatOrDepthWith400AndUnknownThingsWith404() throws Exception {
        String base = "/api/v1/tenants/" + TENANT + "/maps";
        assertProblem(base + "?scope=person:pat&format=pdf", 400, "pdf");
        assertProblem(base + "?scope=galaxy:x", 400, "scope");
        assertProblem(base + "?scope=person:pat&depth=4", 400, "depth");
        assertProblem(base + "?scope=person:a%7Bb%7D", 400, "person id");
        assertProblem(base + "?scope=person:nobody", 404, "nobody");
        assertProblem(base + "?scope=team:no-such-team", 404, "no-such-team");
        assertProblem("/api/v1/tenants/no-such-tenant/maps?scope=org", 404, "no-such-tenant");
        HttpResponse<String> noToken = HTTP.send(HttpRequest.newBuilder(uri(base + "?scope=org")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
    }

    @Test
    void aSignedLinkOpensThePageAndItsData() throws Exception {
        String token = links.sign(links.grant(TENANT, PersonId.of("pat"), new MapScope.Person(PersonId.of("pat"), 2)));

        HttpResponse<String> page = get("/maps/" + token);
        HttpResponse<String> data = get("/maps/" + token + "/data");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body()).contains("/webjars/cytoscape/").contains("/assets/maps/map.js").doesNotContain("https://");
        assertThat(data.statusCode()).isEqualTo(200);
        JsonNode map = JSON.readTree(data.body());
        assertThat(map.get("nodes").valueStream().map(n -> n.get("id").asString()))
                .containsExactlyInAnyOrder("chris", "dana", "mia", "pat", "sam");
        assertThat(map.get("nodes").get(0).has("x")).isTrue();
        assertThat(map.get("viewer").asString()).isEqualTo("pat");
        assertThat(get("/webjars/cytoscape/3.33.1/dist/cytoscape.min.js").statusCode()).isEqualTo(200);
        assertThat(get("/assets/maps/map.js").statusCode()).isEqualTo(200);
    }

    @Test
    void refusesTamperedAndExpiredLinksWith403() throws Exception {
        MapScope scope = new MapScope.Person(PersonId.of("pat"), 2);
        String token = links.sign(links.grant(TENANT, PersonId.of("pat"), scope));
        String otherViewer = links.sign(links.grant(TENANT, PersonId.of("ravi"), scope));
        String forged = otherViewer.substring(0, otherViewer.indexOf('.')) + token.substring(token.indexOf('.'));
        char last = token.charAt(token.length() - 1);
        String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        MapLinks yesterday = new MapLinks(LINK_SECRET.getBytes(StandardCharsets.UTF_8),
                Clock.fixed(Instant.now().minus(Duration.ofHours(25)), ZoneOffset.UTC), Duration.ofHours(24),
                URI.create("http://localhost"));
        String expired = yesterday.sign(yesterday.grant(TENANT, PersonId.of("pat"), scope));

        for (String bad : List.of(forged, flipped, "garbage", "a.b")) {
            assertThat(get("/maps/" + bad).statusCode()).as(bad).isEqualTo(403);
            assertThat(get("/maps/" + bad + "/data").statusCode()).as(bad).isEqualTo(403);
        }
        HttpResponse<String> expiredPage = get("/maps/" + expired);
        assertThat(expiredPage.statusCode()).isEqualTo(403);
        assertThat(expiredPage.body()).contains("expired");
        assertThat(JSON.readTree(get("/maps/" + expired + "/data").body()).get("detail").asString()).contains("expired");
    }

    @Test
    void anOrdinaryEmployeeCentresOnAnyoneTheyMaySeeAndIsToldPlainlyWhoTheyMayNot() throws Exception {
        String employee = links.sign(links.grant(TENANT, PersonId.of("pat"), new MapScope.Person(PersonId.of("pat"), 2)));

        HttpResponse<String> toDana = get("/maps/" + employee + "/data?centre=dana");
        HttpResponse<String> toWen = get("/maps/" + employee + "/data?centre=wen");
        HttpResponse<String> toNobody = get("/maps/" + employee + "/data?centre=nobody");

        assertThat(toDana.statusCode()).isEqualTo(200);
        JsonNode dana = JSON.readTree(toDana.body());
        assertThat(dana.get("scope").asString()).isEqualTo("person:dana:2");
        // Dana's own neighbourhood reaches Ravi and Bea, who are more than two handoffs from Pat: left out.
        assertThat(dana.get("nodes").valueStream().map(n -> n.get("id").asString()))
                .containsExactlyInAnyOrder("chris", "dana", "mia", "pat", "sam");
        assertThat(dana.get("nodes").valueStream().filter(n -> n.get("centre").asBoolean())
                .map(n -> n.get("id").asString())).containsExactly("dana");
        assertThat(dana.get("title").asString()).contains("Dana Kowalski").contains("only people you can see");
        for (HttpResponse<String> refused : List.of(toWen, toNobody)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            JsonNode body = JSON.readTree(refused.body());
            assertThat(body.get("kind").asString()).isEqualTo("not-shown");
            assertThat(body.get("detail").asString()).startsWith("You can't centre the map on this person.")
                    .contains("within 2 handoffs of you").doesNotContain("'map").doesNotContain("ask for")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void aManagerCentresOnTheirPeopleWholeAndOnNeighboursOnTheirMapWithinWhatTheyMaySee() throws Exception {
        String manager = links.sign(links.grant(TENANT, PersonId.of("ravi"), new MapScope.Team(TeamId.of("drivers"), 1)));

        HttpResponse<String> toDana = get("/maps/" + manager + "/data?centre=dana");
        HttpResponse<String> toPat = get("/maps/" + manager + "/data?centre=pat");
        HttpResponse<String> toWen = get("/maps/" + manager + "/data?centre=wen");

        assertThat(toDana.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(toDana.body()).get("scope").asString()).isEqualTo("person:dana:1");
        assertThat(JSON.readTree(toDana.body()).get("title").asString()).doesNotContain("only people you can see");
        assertThat(toPat.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(toPat.body()).get("title").asString()).contains("only people you can see");
        assertThat(toWen.statusCode()).isEqualTo(403);
    }

    private void assertProblem(String path, int status, String detail) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).as(path).contains(detail);
        assertThat(JSON.readTree(response.body()).get("type").asString()).as(path)
                .isEqualTo(ProblemType.of(HttpStatus.valueOf(status)).orElseThrow().uri().toString());
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.handoff");
    }

    private HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
