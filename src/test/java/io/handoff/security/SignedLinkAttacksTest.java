package io.handoff.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

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
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.map.MapLinks;
import io.handoff.map.MapScope;
import io.handoff.testing.TestAppProperties;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.UnifiedJedis;

/**
 * The signed-link routes ({@code /maps/{token}}, {@code /maps/{token}/data}, {@code /files/{token}}): Spring
 * Security verifies the token from the path before any controller runs; a missing, altered or foreign token is 403
 * and logged without the token; every path trick is refused; the pages carry the security headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SignedLinkAttacksTest {
    static final TenantId TENANT = TestRedis.uniqueTenant();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedisWithAdminToken(registry);
        registry.add("handoff.maps.link-secret", () -> "test-link-secret-0123456789abcdef");
        TestAppProperties.teamsPointingNowhere(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    MapLinks links;

    @Autowired
    UnifiedJedis redis;

    @BeforeAll
    static void loadSample(@Autowired GraphStore store) {
        SampleOrganisation.load(store, TENANT, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void aMapLinkOpensItsPageWithTheSecurityHeaders() throws Exception {
        String token = mapToken();

        RawHttp.Response page = http().get("/maps/" + token);
        RawHttp.Response data = http().get("/maps/" + token + "/data");

        assertThat(page.status()).isEqualTo(200);
        String csp = page.header("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
        assertThat(page.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.header("X-Frame-Options")).hasValue("DENY");
        assertThat(page.header("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body()).doesNotContainPattern("<script>|<script [^>]*>[^<]|<style|\\son[a-z]+=|style=");
        assertThat(data.status()).isEqualTo(200);
        assertThat(data.body()).contains("\"viewer\":\"pat\"");
    }

    @Test
    void missingOrAlteredMapLinksAre403AndLoggedWithoutTheToken(CapturedOutput output) throws Exception {
        String token = mapToken();
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        for (String path : List.of("/maps/garbage", "/maps/a.b", "/maps/" + altered, "/maps/" + altered + "/data",
                "/maps/", "/maps", "/maps/" + token + "/data/more", "/maps/" + token + "/", "/maps/x/y")) {
            RawHttp.Response refused = http().get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path).doesNotContain("Exception");
        }
        assertThat(http().send("POST", "/maps/" + token, "").status()).isEqualTo(403);
        assertThat(output).contains("Refused GET /maps/<token> from 127.0.0.1: map link")
                .doesNotContain(altered).doesNotContain(token);
    }

    @Test
    void noPathTrickOpensAMapPageOrItsData() throws Exception {
        String token = mapToken();
        for (String path : List.of("/maps/" + token, "/maps/" + token + "/data")) {
            for (String trick : PathTricks.of(path)) {
                assertThat(http().get(trick).status()).as(trick).isIn(400, 403);
            }
        }
    }

    @Test
    void noPathTrickOpensABlueprintPageOrItsDownloads(@Autowired io.handoff.journey.Journeys journeys)
            throws Exception {
        io.handoff.demo.SampleJourneys.load(journeys, TENANT, Instant.now());
        String token = links.sign(links.grant(TENANT, PersonId.of("lee"), new MapScope.Journey("parcel-delivery")));
        List<String> paths = List.of("/blueprints/" + token, "/blueprints/" + token + "/export/svg");
        for (String path : paths) {
            assertThat(http().get(path).status()).as(path).isEqualTo(200);
            for (String trick : PathTricks.of(path)) {
                assertThat(http().get(trick).status()).as(trick).isIn(400, 403);
            }
        }
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        for (String path : List.of("/blueprints/" + altered, "/blueprints/garbage", "/blueprints/" + token + "/x",
                "/blueprints/" + token + "/export/svg/more")) {
            assertThat(http().get(path).status()).as(path).isEqualTo(403);
        }
    }

    @Test
    void aFileLinkOpensItsFileAndNothingElseDoes() throws Exception {
        String token = fileToken("hello.txt", "hello from the test");
        RawHttp.Response file = http().get("/files/" + token);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).isEqualTo("hello from the test");
        assertThat(file.header("X-Content-Type-Options")).hasValue("nosniff");

        String forged = forgedFileToken(TestRedis.uniqueTenant());
        for (String path : List.of("/files/garbage", "/files/a.b", "/files/" + forged, "/files/", "/files",
                "/files/" + token + "/x")) {
            RawHttp.Response refused = http().get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
        }
        assertThat(http().get("/files/garbage").body()).contains("not valid");
        for (String trick : PathTricks.of("/files/" + token)) {
            assertThat(http().get(trick).status()).as(trick).isIn(400, 403);
        }
    }

    private String mapToken() {
        return links.sign(links.grant(TENANT, PersonId.of("pat"), new MapScope.Person(PersonId.of("pat"), 1)));
    }

    /** A file kept as Teams keeps one (teams.TeamsFiles): the bytes in Redis, the link signed with the links' key. */
    private String fileToken(String name, String content) {
        String payload = "file\n" + TENANT.value() + "\n" + "test" + UUID.randomUUID().toString().replace("-", "")
                + "\n" + Instant.now().plusSeconds(3600).getEpochSecond();
        String id = payload.split("\n")[2];
        redis.setex("handoff:{" + TENANT.value() + "}:file:" + id, 3600, "text/plain\n" + name + "\n" + content);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + links.signature(payload);
    }

    /** Another tenant's file, its payload signed as something else. */
    private String forgedFileToken(TenantId tenant) {
        String payload = "file\n" + tenant.value() + "\nsomeid\n" + Instant.now().plusSeconds(3600).getEpochSecond();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + links.signature("file\n" + TENANT.value() + "\nsomeid\n0");
    }

    private RawHttp http() {
        return RawHttp.loopback(port);
    }
}
