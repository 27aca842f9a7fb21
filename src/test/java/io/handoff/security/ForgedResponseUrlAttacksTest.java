package io.handoff.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.CRC32;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.slack.api.app_backend.SlackSignature;

import io.handoff.graph.Criticality;
import io.handoff.graph.EdgeCodec;
import io.handoff.graph.EdgeStatus;
import io.handoff.graph.Frequency;
import io.handoff.graph.GraphStore;
import io.handoff.graph.Handoff;
import io.handoff.graph.HandoffTerms;
import io.handoff.graph.Person;
import io.handoff.graph.PersonId;
import io.handoff.graph.Platform;
import io.handoff.graph.Side;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.testing.TestAppProperties;

/**
 * A modal's {@code private_metadata} carries the response URL of the question that opened it, so that its submission
 * can replace the question. A forged or altered one (a correctly signed {@code view_submission} whose metadata points
 * anywhere but Slack's response URLs: another host, port or scheme, user info, a query, a path that climbs out with
 * {@code ..} or its percent-encoded spelling) must never be posted to: the answer is still recorded and reaches the
 * person as a new message, and the only requests the Slack stub sees are Web API calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ForgedResponseUrlAttacksTest {
    private static final String SECRET = "test-signing-secret-forged-url";
    private static final Random RANDOM = new Random();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final WireMockServer SLACK = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private static final String TEAM = id('T');
    private static final TenantId TENANT = TenantId.of("slack-" + TEAM.toLowerCase(Locale.ROOT));

    static {
        SLACK.start();
        ok("auth.test", """
                {"ok":true,"url":"https://acme.slack.com/","team":"Acme","user":"handoff","team_id":"%s",
                 "user_id":"UBOT","bot_id":"BBOT","is_enterprise_install":false}""".formatted(TEAM));
        ok("usergroups.list", "{\"ok\":true,\"usergroups\":[]}");
        ok("chat.postMessage", "{\"ok\":true,\"channel\":\"D0DM\",\"ts\":\"1700000000.000100\"}");
        ok("conversations.open", "{\"ok\":true,\"channel\":{\"id\":\"D0DM\"}}");
        ok("views.open", "{\"ok\":true,\"view\":{\"id\":\"V0MODAL\"}}");
        ok("views.publish", "{\"ok\":true,\"view\":{\"id\":\"V0HOME\"}}");
        // anything else answers 200 too, so a post that should never happen would succeed (and be seen)
        SLACK.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @AfterAll
    static void stop() {
        SLACK.stop();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedis(registry);
        registry.add("handoff.slack.signing-secret", () -> SECRET);
        registry.add("handoff.slack.api-url", () -> "http://localhost:" + SLACK.port() + "/api/");
        registry.add("handoff.slack.response-url-base", () -> "http://localhost:" + SLACK.port() + "/hooks/");
        registry.add("handoff.slack.bot-token", () -> "xoxb-test-forged-url");
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    @Test
    void aForgedResponseUrlInAModalIsNeverPostedTo() throws Exception {
        int slack = SLACK.port();
        List<String> forged = List.of(
                "http://127.0.0.1:" + slack + "/hooks/actions/T1/1/x",     // another host
                "http://localhost:" + (slack + 1) + "/hooks/actions/T1/1/x", // another port
                "https://localhost:" + slack + "/hooks/actions/T1/1/x",    // another scheme
                "http://localhost:" + slack + "/evil/actions/T1/1/x",      // outside the base path
                "http://localhost:" + slack + "/hooks/../evil/x",          // climbing out
                "http://localhost:" + slack + "/hooks/%2e%2e/evil/x",      // climbing out, encoded
                "http://localhost:" + slack + "/hooks%2f..%2fevil/x",
                "http://attacker@localhost:" + slack + "/hooks/actions/x", // user info
                "http://localhost:" + slack + "/hooks/actions/x?to=evil",  // a query
                "http://localhost:" + slack + "/hooks/",                   // the base itself
                "https://hooks.slack.com.evil.example/actions/T1/1/x",
                "javascript:alert(1)",
                "not a url at all");
        for (String url : forged) {
            SLACK.resetRequests();
            Handoff claimed = claimedEdge();
            String dana = graph.person(TENANT, claimed.downstream()).orElseThrow().identities().get(Platform.SLACK);
            String metadata = "origin:" + url + "\n" + ref(claimed);

            assertThat(submit(dana, metadata).statusCode()).as(url).isEqualTo(200);

            assertThat(graph.handoff(TENANT, claimed.upstream(), claimed.downstream()).orElseThrow().status())
                    .as(url).isEqualTo(EdgeStatus.DISPUTED);
            // the answer reaches the person as a new message instead
            await(url).atMost(Duration.ofSeconds(10)).until(() -> posted().stream()
                    .anyMatch(text -> text.contains("You said this is not right")));
            assertThat(SLACK.findAll(anyRequestedFor(anyUrl()))).as(url)
                    .allMatch(request -> request.getUrl().startsWith("/api/"));
        }
    }

    /** A genuine response URL under the configured base is posted to: the check above is not a blanket refusal. */
    @Test
    void aResponseUrlOfSlacksIsPostedTo() throws Exception {
        Handoff claimed = claimedEdge();
        String dana = graph.person(TENANT, claimed.downstream()).orElseThrow().identities().get(Platform.SLACK);
        String hook = "/hooks/actions/" + TEAM + "/1/" + dana;

        assertThat(submit(dana, "origin:http://localhost:" + SLACK.port() + hook + "\n" + ref(claimed)).statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !SLACK.findAll(postRequestedFor(urlEqualTo(hook))).isEmpty());
        assertThat(SLACK.findAll(postRequestedFor(urlEqualTo(hook))).get(0).getBodyAsString())
                .contains("\"replace_original\":true").contains("You said this is not right");
    }

    private Handoff claimedEdge() {
        if (graph.tenant(TENANT).isEmpty()) {
            graph.saveTenant(new Tenant(TENANT, "Acme", null, TEAM, null, Instant.now()));
        }
        String ana = id('U');
        String dana = id('U');
        PersonId anaId = PersonId.of("ana-" + ana.toLowerCase(Locale.ROOT));
        PersonId danaId = PersonId.of("dana-" + dana.toLowerCase(Locale.ROOT));
        graph.savePerson(TENANT, new Person(anaId, "Ana Silva", null, null, null, Map.of(Platform.SLACK, ana)));
        graph.savePerson(TENANT, new Person(danaId, "Dana Kowalski", null, null, null, Map.of(Platform.SLACK, dana)));
        Handoff claimed = Handoff.claimed(anaId, danaId, new HandoffTerms("sorted parcels", Frequency.DAILY,
                Criticality.CRITICAL), Side.UPSTREAM, Instant.now().minusSeconds(60));
        graph.update(TENANT, anaId, danaId, current -> Optional.of(claimed));
        return claimed;
    }

    private HttpResponse<String> submit(String user, String metadata) throws Exception {
        String payload = """
                {"type":"view_submission","api_app_id":"A0HANDOFF","team":{"id":"%s","domain":"acme"},
                 "user":{"id":"%s","team_id":"%s"},"trigger_id":"trig-view",
                 "view":{"id":"V0MODAL","team_id":"%s","type":"modal","callback_id":"survey.dispute.reason",
                  "private_metadata":"%s","blocks":[],
                  "state":{"values":{"reason":{"reason":{"type":"plain_text_input","value":"not from Ana"}}}}}}"""
                .formatted(TEAM, user, TEAM, TEAM, metadata.replace("\\", "\\\\").replace("\"", "\\\"")
                        .replace("\n", "\\n"));
        String body = "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", new SlackSignature.Generator(SECRET).generate(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The texts of the messages posted with chat.postMessage since the last reset. */
    private static List<String> posted() {
        return SLACK.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).stream()
                .map(request -> URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8)).toList();
    }

    private static void ok(String method, String json) {
        SLACK.stubFor(post(urlEqualTo("/api/" + method)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(json)));
    }

    private static String ref(Handoff edge) {
        CRC32 crc = new CRC32();
        crc.update(EdgeCodec.encode(edge).getBytes(StandardCharsets.UTF_8));
        return edge.upstream().value() + ">" + edge.downstream().value() + ">" + Long.toHexString(crc.getValue());
    }

    private static String id(char kind) {
        StringBuilder id = new StringBuilder().append(kind);
        for (int i = 0; i < 8; i++) {
            id.append("ABCDEFGHJKLMNPQRSTUVWXYZ23456789".charAt(RANDOM.nextInt(32)));
        }
        return id.toString();
    }
}
