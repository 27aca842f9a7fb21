package io.handoff.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

import io.handoff.chat.Actor;
import io.handoff.chat.Message;
import io.handoff.chat.Reply;
import io.handoff.demo.SampleJourneys;
import io.handoff.demo.SampleOrganisation;
import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.journey.Journeys;
import io.handoff.map.MapConversation;
import io.handoff.map.MapLinks;
import io.handoff.map.MapScope;
import io.handoff.testing.TestRedis;
import io.handoff.security.ProblemType;
import tools.jackson.databind.ObjectMapper;

/**
 * The blueprint over HTTP against the real Redis: its exports from the admin API (bearer token), the page and its
 * downloads behind a signed link (refused when tampered, unsigned, of another kind or for someone who may no longer
 * see it, always without a stack trace), and {@code map journey <name>} drawing the people behind the journey.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BlueprintWebTest {
    static final TenantId TENANT = TestRedis.uniqueTenant();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MapScope.Journey PARCELS = new MapScope.Journey("parcel-delivery");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("handoff.redis.url", () -> TestRedis.uri().toString());
        registry.add("handoff.admin-token", () -> MapWebTest.TOKEN);
        registry.add("handoff.demo.mode", () -> "never");
        registry.add("handoff.maps.link-secret", () -> MapWebTest.LINK_SECRET);
    }

    @LocalServerPort
    int port;

    @Autowired
    MapLinks links;

    @Autowired
    MapConversation maps;

    @BeforeAll
    static void loadSample(@Autowired GraphStore store, @Autowired Journeys journeys) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SampleOrganisation.load(store, TENANT, now);
        SampleJourneys.load(journeys, TENANT, now);
    }

    @Test
    void theAdminApiExportsTheBlueprintInEveryFormat() throws Exception {
        record Expected(String format, String contentType, String extension, String contains) {
        }
        String base = "/api/v1/tenants/" + TENANT + "/journeys/parcel-delivery/blueprint?format=";
        for (Expected expected : List.of(
                new Expected("json", "application/json", "json", "\"gameOver\" : true"),
                new Expected("csv", "text/csv;charset=utf-8", "csv", "stage,touchpoint_id,touchpoint,channel"),
                new Expected("mermaid", "text/vnd.mermaid;charset=utf-8", "mmd", "{{\"GAME OVER: Parcel delivered"),
                new Expected("svg", "image/svg+xml", "svg", "Front stage: the front-line owners"),
                new Expected("png", "image/png", "png", "PNG"))) {
            HttpResponse<byte[]> response = authorised(base + expected.format());
            assertThat(response.statusCode()).as(expected.format()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                    .as(expected.format()).isEqualTo(expected.contentType());
            assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                    .isEqualTo("attachment; filename=\"parcel-delivery-blueprint." + expected.extension() + "\"");
            assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).contains(expected.contains());
        }
        // In the picture the demo's touchpoints read left to right in stage order.
        String svg = new String(authorised(base + "svg").body(), StandardCharsets.UTF_8);
        List<Double> xs = new java.util.ArrayList<>();
        for (String moment : List.of("Order placed", "Label printed", "Collected", "Sorted", "Pre-loaded",
                "Out for delivery", "Parcel delivered", "Invoice")) {
            java.util.regex.Matcher text = java.util.regex.Pattern.compile("<text x='([0-9.]+)'[^>]*>"
                    + java.util.regex.Pattern.quote(moment) + "</text>").matcher(svg);
            assertThat(text.find()).as(moment).isTrue();
            xs.add(Double.parseDouble(text.group(1)));
        }
        assertThat(xs).isSorted();
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(authorised(base + "png").body()));
        assertThat(png.getWidth()).isBetween(1000, 9000);
        assertThat(png.getHeight()).isBetween(400, 6000);
    }

    @Test
    void theAdminApiRefusesABadFormatUnknownThingsAndNoToken() throws Exception {
        String base = "/api/v1/tenants/" + TENANT + "/journeys/";
        assertProblem(authorised(base + "parcel-delivery/blueprint?format=pdf"), 400, "format must be one of");
        assertProblem(authorised(base + "no-such-journey/blueprint?format=svg"), 404, "no-such-journey");
        assertProblem(authorised("/api/v1/tenants/no-such-tenant/journeys/parcel-delivery/blueprint?format=csv"), 404,
                "no-such-tenant");
        assertThat(HTTP.send(HttpRequest.newBuilder(uri(base + "parcel-delivery/blueprint?format=png")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        // Without a format the path still answers the blueprint's JSON view.
        HttpResponse<byte[]> view = authorised(base + "parcel-delivery/blueprint");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(new String(view.body(), StandardCharsets.UTF_8)).contains("\"stages\"");
    }

    @Test
    void aSignedLinkOpensTheBlueprintPageWithItsLanesAndDownloads() throws Exception {
        String token = links.sign(links.grant(TENANT, PersonId.of("lee"), PARCELS));
        assertThat(links.blueprintUrl(links.grant(TENANT, PersonId.of("lee"), PARCELS)).getPath())
                .startsWith("/blueprints/");

        HttpResponse<String> page = get("/blueprints/" + token);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        assertThat(page.body()).contains("<h1 id=\"title\">Parcel delivery: experience blueprint</h1>",
                "<dt>Customer</dt>", "<dt>Front stage</dt>", "<dt>Backstage</dt>", "<dt>Support</dt>",
                "<span class=\"badge\">GAME OVER</span> <span class=\"name\">Parcel delivered</span>",
                "href=\"" + token + "/export/png\"");
        HttpResponse<String> csv = get("/blueprints/" + token + "/export/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Parcel delivered,in-person,game-over,customer");
        HttpResponse<String> unknown = get("/blueprints/" + token + "/export/pdf");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("json, csv, mermaid, svg, png");
    }

    @Test
    void tamperedUnsignedOtherAndNoLongerAllowedLinksAreRefusedPlainly() throws Exception {
        String token = links.sign(links.grant(TENANT, PersonId.of("lee"), PARCELS));
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        for (String path : List.of("/blueprints/" + tampered, "/blueprints/" + tampered + "/export/png",
                "/blueprints/not-a-link", "/blueprints/", "/blueprints/" + token + "/somewhere")) {
            HttpResponse<String> refused = get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path).doesNotContain("Exception", "at io.handoff", "Parcel delivered");
        }
        HttpResponse<String> personLink = get("/blueprints/" + links.sign(links.grant(TENANT, PersonId.of("lee"),
                new MapScope.Person(PersonId.of("lee"), 1))));
        assertThat(personLink.statusCode()).isEqualTo(403);
        assertThat(personLink.body()).contains("not for a customer journey");
        HttpResponse<String> employee = get("/blueprints/" + links.sign(links.grant(TENANT, PersonId.of("pat"),
                PARCELS)));
        assertThat(employee.statusCode()).isEqualTo(403);
        assertThat(employee.body()).contains("Only managers and admins").doesNotContain("GAME OVER");
    }

    @Test
    void mapJourneyDrawsThePeopleBehindTheJourneyForManagersOnly() throws Exception {
        Message lee = shown(maps.onCommand(new Actor(TENANT, PersonId.of("lee")), "map", "journey Parcel delivery"));
        assertThat(lee.blocks().toString()).contains("People behind the journey Parcel delivery");
        assertThat(lee.attachments()).singleElement().satisfies(a -> assertThat(a.mediaType()).isEqualTo("image/png"));

        Message pat = shown(maps.onCommand(new Actor(TENANT, PersonId.of("pat")), "map", "journey parcel-delivery"));
        assertThat(pat.attachments()).isEmpty();
        assertThat(pat.summary()).contains("Only managers and admins may see the people behind a customer journey");
        Message unknown = shown(maps.onCommand(new Actor(TENANT, PersonId.of("lee")), "map", "journey moon-landing"));
        assertThat(unknown.summary()).contains("I know no customer journey called 'moon-landing'");
        assertThat(shown(maps.onCommand(new Actor(TENANT, PersonId.of("pat")), "map", "help")).blocks().toString())
                .contains("map journey <name>");

        HttpResponse<byte[]> json = authorised("/api/v1/tenants/" + TENANT
                + "/maps?scope=journey:parcel-delivery&format=json");
        assertThat(json.statusCode()).isEqualTo(200);
        var tree = JSON.readTree(json.body());
        assertThat(tree.get("title").asString()).isEqualTo("People behind the journey Parcel delivery");
        List<String> people = new java.util.ArrayList<>();
        tree.get("nodes").forEach(n -> people.add(n.get("id").asString()));
        // Dana owns Parcel delivered, Pat hands her the loaded truck; the hospital's nurses are not behind parcels.
        assertThat(people).contains("dana", "pat").doesNotContain("wen");
    }

    private static Message shown(io.handoff.chat.Outcome outcome) {
        return ((Reply.Show) outcome.reply()).message();
    }

    private void assertProblem(HttpResponse<byte[]> response, int status, String detail) throws Exception {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(JSON.readTree(body).get("detail").asString()).contains(detail);
        assertThat(JSON.readTree(body).get("type").asString())
                .isEqualTo(ProblemType.of(HttpStatus.valueOf(status)).orElseThrow().uri().toString());
        assertThat(body).doesNotContain("Exception", "at io.handoff");
    }

    private HttpResponse<byte[]> authorised(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + MapWebTest.TOKEN)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
