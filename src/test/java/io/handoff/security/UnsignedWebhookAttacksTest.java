package io.handoff.security;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.Filter;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.slack.api.app_backend.SlackSignature;

import io.handoff.testing.TestAppProperties;

/**
 * The chat webhooks ({@code /slack/**}, {@code /api/messages}) are authenticated by their platform's own check (Slack's
 * HMAC, the Bot Framework's JWT), behind a Spring Security chain trimmed to the security headers and a permit-all rule
 * (issue 20: the chain's other filters were most of Spring Security's CPU per acknowledgement). Trimmed does not mean
 * open: an unsigned, wrongly signed, stale or replayed-from-elsewhere request is still refused with 401, every answer
 * (refusal or not) still carries the security headers and no cookie, and the trimmed chain is the one that serves these
 * paths, first, without claiming any other family's path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnsignedWebhookAttacksTest {
    private static final String SECRET = "test-signing-secret-unsigned-webhooks";
    private static final String EVENT = "{\"token\":\"x\",\"challenge\":\"c-123\",\"type\":\"url_verification\"}";

    private static final WireMockServer SLACK = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static {
        SLACK.start();
        SLACK.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson("{\"ok\":true,\"team\":\"Acme\","
                + "\"user\":\"handoff\",\"team_id\":\"T0UNSIGNED\",\"user_id\":\"UBOT\",\"bot_id\":\"BBOT\"}")));
    }

    @AfterAll
    static void stop() {
        SLACK.stop();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedisWithAdminToken(registry);
        registry.add("handoff.slack.signing-secret", () -> SECRET);
        registry.add("handoff.slack.bot-token", () -> "xoxb-test-unsigned-webhooks");
        registry.add("handoff.slack.api-url", () -> "http://localhost:" + SLACK.port() + "/api/");
        TestAppProperties.teamsPointingNowhere(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    List<SecurityFilterChain> chains;

    @Autowired
    @Qualifier("chatWebhooksChain")
    SecurityFilterChain webhooks;

    @Test
    void theWebhookChainIsAskedFirstAndHoldsOnlyTheHeadersAndThePermitRule() {
        assertThat(chains.get(0)).isSameAs(webhooks);
        for (String path : List.of("/slack/events", "/slack/install", "/slack/oauth_redirect", "/api/messages")) {
            assertThat(webhooks.matches(request(path))).as(path).isTrue();
        }
        for (String path : List.of("/api/v1/tenants/x/graph", "/actuator/health", "/maps/x", "/files/x", "/",
                "/playground", "/scim/v2/x/Users", "/slackers", "/api/messages/x")) {
            assertThat(webhooks.matches(request(path))).as(path).isFalse();
        }
        List<String> filters = webhooks.getFilters().stream().map(Filter::getClass).map(Class::getSimpleName)
                .toList();
        assertThat(filters).contains("HeaderWriterFilter", "AuthorizationFilter")
                .doesNotContain("SecurityContextHolderFilter", "CsrfFilter", "LogoutFilter", "RequestCacheAwareFilter",
                        "SecurityContextHolderAwareRequestFilter", "AnonymousAuthenticationFilter",
                        "SessionManagementFilter", "ExceptionTranslationFilter");
    }

    @Test
    void aSignedSlackRequestIsServedWithTheSecurityHeaders() throws Exception {
        RawHttp.Response answer = slack(EVENT, now(), sign(now(), EVENT));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("c-123");
        saneHeaders(answer);
    }

    @Test
    void unsignedWronglySignedAndStaleSlackRequestsAreRefused() throws Exception {
        String stale = Long.toString(Instant.now().getEpochSecond() - 3600);
        Map<String, RawHttp.Response> refused = Map.of(
                "unsigned", RawHttp.loopback(port).send("POST", "/slack/events", EVENT,
                        "Content-Type: application/json"),
                "wrong secret", slack(EVENT, now(), new SlackSignature.Generator("another-secret")
                        .generate(now(), EVENT)),
                "other body", slack(EVENT.replace("c-123", "c-456"), now(), sign(now(), EVENT)),
                "stale", slack(EVENT, stale, sign(stale, EVENT)),
                "garbage signature", slack(EVENT, now(), "v0=00"));
        refused.forEach((attack, answer) -> {
            assertThat(answer.status()).as(attack).isEqualTo(401);
            assertThat(answer.body()).as(attack).doesNotContain("c-123", "c-456", "Exception", "at io.");
            saneHeaders(answer);
        });
    }

    /** The webhook servlets answer only POST (and Slack's OAuth pages GET): anything else is a plain 405. */
    @Test
    void otherMethodsOnTheWebhooksAre405WithoutAStackTrace() throws Exception {
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            RawHttp.Response answer = RawHttp.loopback(port).send(method, "/api/messages", "{}",
                    "Content-Type: application/json");
            assertThat(answer.status()).as(method).isEqualTo(405);
            assertThat(answer.body()).as(method).doesNotContain("Exception", "at io.", "at org.");
            saneHeaders(answer);
        }
        RawHttp.Response put = RawHttp.loopback(port).send("PUT", "/slack/events", EVENT,
                "Content-Type: application/json");
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.body()).doesNotContain("c-123", "Exception", "at io.", "at org.");
    }

    @Test
    void teamsActivitiesWithoutAValidTokenAreRefused() throws Exception {
        String activity = "{\"type\":\"message\",\"channelId\":\"msteams\",\"text\":\"help\","
                + "\"serviceUrl\":\"https://smba.trafficmanager.net/teams/\"}";
        for (String authorization : List.of("", "Authorization: Bearer not-a-jwt",
                "Authorization: Bearer eyJhbGciOiJub25lIn0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.")) {
            RawHttp.Response answer = authorization.isEmpty()
                    ? RawHttp.loopback(port).send("POST", "/api/messages", activity, "Content-Type: application/json")
                    : RawHttp.loopback(port).send("POST", "/api/messages", activity, "Content-Type: application/json",
                    authorization);
            assertThat(answer.status()).as(authorization).isEqualTo(401);
            assertThat(answer.body()).as(authorization).doesNotContain("Exception", "at io.");
            saneHeaders(answer);
        }
    }

    /**
     * The webhooks' chain, asked first, permits everything it matches: no spelling of an admin path that starts like a
     * webhook (dot segments, path parameters, encoded dots and slashes) may reach the admin API through it, with or
     * without a foreign Host.
     */
    @Test
    void noWebhookPrefixedSpellingOfAnAdminPathReachesTheAdminApi() throws Exception {
        String admin = "/api/v1/tenants/acme/graph";
        List<String> spellings = new ArrayList<>();
        for (String prefix : List.of("/slack", "/slack/events", "/api/messages")) {
            spellings.add(prefix + "/.." + admin);
            spellings.add(prefix + "/../.." + admin);
            spellings.add(prefix + "/..;" + admin);
            spellings.add(prefix + ";/.." + admin);
            spellings.add(prefix + "/%2e%2e" + admin);
            spellings.add(prefix + "/%2E%2E/%2e%2e" + admin);
            spellings.add(prefix + "%2F..%2F.." + admin);
            spellings.add(prefix + "/..%2F.." + admin);
            spellings.add(prefix + "/.%2e" + admin);
            spellings.add(prefix + "\\..\\.." + admin);
        }
        for (String spelling : spellings) {
            for (String host : List.of("Host: 127.0.0.1:" + port, "Host: evil.example")) {
                RawHttp.Response answer = RawHttp.loopback(port).get(spelling, host);
                assertThat(answer.status()).as("%s (%s)", spelling, host).isIn(400, 401, 403, 404);
                assertThat(answer.body()).as(spelling).doesNotContain("\"edges\"", "Exception", "at io.");
            }
        }
    }

    private static void saneHeaders(RawHttp.Response answer) {
        assertThat(answer.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.header("X-Frame-Options")).hasValue("DENY");
        assertThat(answer.header("Referrer-Policy")).hasValue("no-referrer");
        assertThat(answer.header("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
        assertThat(answer.header("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(answer.header("Set-Cookie")).isEmpty();
    }

    private RawHttp.Response slack(String body, String timestamp, String signature) throws Exception {
        return RawHttp.loopback(port).send("POST", "/slack/events", body, "Content-Type: application/json",
                "X-Slack-Request-Timestamp: " + timestamp, "X-Slack-Signature: " + signature);
    }

    private static String now() {
        return Long.toString(Instant.now().getEpochSecond());
    }

    private static String sign(String timestamp, String body) {
        return new SlackSignature.Generator(SECRET).generate(timestamp, body);
    }

    private static MockHttpServletRequest request(String path) {
        return new MockHttpServletRequest("POST", path);
    }
}
