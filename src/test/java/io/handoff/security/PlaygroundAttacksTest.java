package io.handoff.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.demo.DemoStory;
import io.handoff.graph.GraphStore;
import io.handoff.graph.PersonId;
import io.handoff.testing.PlaygroundCsrf;
import io.handoff.testing.TestAppProperties;

/**
 * Issue 14, attacks 2 and 3 and their class, on every playground route: DNS rebinding (a foreign {@code Host} over a
 * loopback connection), connections from another machine, cross-site state changes (no CSRF token, a foreign
 * {@code Origin}, {@code Sec-Fetch-Site: cross-site}, a plain form post), path tricks. The same-origin page flow
 * (load the page, take its token, post with it) keeps working, also under the configured extra host name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class PlaygroundAttacksTest {
    private static final String DEMO = "/playground/api/tenants/depot";
    static final List<String> GET_ROUTES = List.of("/", "/playground", "/playground/", "/playground/index.html",
            "/playground/playground.js", "/playground/playground.css", DEMO + "/people", DEMO + "/clock",
            DEMO + "/decisions", DEMO + "/people/pat/home", DEMO + "/people/pat/inbox");
    /** Every state-changing route with a body the page would send. */
    static final List<String[]> POST_ROUTES = List.of(
            new String[] {DEMO + "/reset", "{}"},
            new String[] {DEMO + "/clock", "{\"advance\":\"PT1H\"}"},
            new String[] {DEMO + "/people/pat/command", "{\"text\":\"help\"}"},
            new String[] {DEMO + "/people/pat/button", "{\"actionId\":\"x\",\"value\":\"y\"}"},
            new String[] {DEMO + "/people/pat/form", "{\"formId\":\"x\",\"values\":{}}"});

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedis(registry);
        registry.add("handoff.playground.enabled", () -> "true");
        registry.add("handoff.playground.allowed-hosts", () -> "handoff.test, Other.Test");
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    private String token;

    @BeforeEach
    void freshDemoAndAToken() throws Exception {
        RawHttp.Response page = http().get("/", "Host: localhost:" + port);
        assertThat(page.status()).isEqualTo(200);
        token = cookie(page).orElseThrow();
        assertThat(post(DEMO + "/reset", "{}", sameOrigin("localhost:" + port)).status()).isEqualTo(200);
    }

    @Test
    void aForeignHostIsRefusedOnEveryRoute(CapturedOutput output) throws Exception {
        String rebind = "rebind.attacker.example:" + port;
        for (String route : GET_ROUTES) {
            RawHttp.Response refused = http().get(route, "Host: " + rebind);
            assertThat(refused.status()).as(route).isEqualTo(403);
            assertThat(refused.body()).as(route).doesNotContain("Pat Okafor").doesNotContain("<html");
        }
        for (String[] route : POST_ROUTES) {
            // the rebinding page is same-origin with itself: its own Origin, a token it could read
            assertThat(post(route[0], route[1], sameOrigin(rebind)).status()).as(route[0]).isEqualTo(403);
        }
        for (String host : List.of("127.0.0.2:" + port, "localhost.attacker.example", "localhost@evil.example",
                "[::2]:" + port, "")) {
            // Tomcat itself answers 400 to a malformed Host; Spring Security 403 to a well-formed foreign one
            assertThat(http().get(DEMO + "/people", "Host: " + host).status()).as(host).isIn(400, 403);
        }
        assertThat(output).contains("Refused GET " + DEMO + "/people from 127.0.0.1: playground: Host "
                + "rebind.attacker.example:" + port + " is not allowed");
    }

    @Test
    void theLocalHostNamesAndTheConfiguredOnesAreServed() throws Exception {
        for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST:" + port,
                "localhost", "handoff.test:" + port, "other.test")) {
            RawHttp.Response people = http().get(DEMO + "/people", "Host: " + host);
            assertThat(people.status()).as(host).isEqualTo(200);
            assertThat(people.body()).contains("Pat Okafor");
            assertThat(post(DEMO + "/people/pat/command", "{\"text\":\"help\"}", sameOrigin(host)).status())
                    .as(host).isEqualTo(200);
        }
    }

    @Test
    void crossSiteStateChangesAreRefusedOnEveryRoute(CapturedOutput output) throws Exception {
        String host = "Host: localhost:" + port;
        for (String[] route : POST_ROUTES) {
            String path = route[0];
            String json = "Content-Type: application/json";
            String cookie = "Cookie: " + PlaygroundCsrf.COOKIE + "=" + token;
            String header = PlaygroundCsrf.HEADER + ": " + token;
            // no token at all
            assertThat(http().send("POST", path, route[1], host, json).status()).as(path).isEqualTo(403);
            // the cookie a browser would attach, but no header (what a cross-site form or fetch can do)
            assertThat(http().send("POST", path, route[1], host, json, cookie, "Origin: http://evil.example")
                    .status()).as(path).isEqualTo(403);
            // a header that does not match the cookie
            assertThat(http().send("POST", path, route[1], host, json, cookie, PlaygroundCsrf.HEADER + ": forged")
                    .status()).as(path).isEqualTo(403);
            // even with the token: a foreign Origin, a cross-site fetch
            assertThat(http().send("POST", path, route[1], host, json, cookie, header, "Origin: http://evil.example")
                    .status()).as(path).isEqualTo(403);
            assertThat(http().send("POST", path, route[1], host, json, cookie, header,
                    "Origin: http://localhost:" + (port + 1)).status()).as(path).isEqualTo(403);
            assertThat(http().send("POST", path, route[1], host, json, cookie, header, "Sec-Fetch-Site: cross-site")
                    .status()).as(path).isEqualTo(403);
            assertThat(http().send("POST", path, route[1], host, json, cookie, header, "Origin: null")
                    .status()).as(path).isEqualTo(403);
        }
        assertThat(output).contains("playground: missing or wrong CSRF token")
                .contains("playground: cross-origin POST from Origin http://evil.example");
    }

    @Test
    void aCrossSiteFormPostCannotResetThePlayground() throws Exception {
        graph.deletePerson(DemoStory.DEPOT.tenant(), PersonId.of("pat"));

        RawHttp.Response attack = http().send("POST", DEMO + "/reset", "", "Host: localhost:" + port,
                "Content-Type: application/x-www-form-urlencoded", "Origin: http://evil.example",
                "Cookie: " + PlaygroundCsrf.COOKIE + "=" + token);

        assertThat(attack.status()).isEqualTo(403);
        assertThat(graph.person(DemoStory.DEPOT.tenant(), PersonId.of("pat"))).isEmpty();
        assertThat(post(DEMO + "/reset", "{}", sameOrigin("localhost:" + port)).status()).isEqualTo(200);
        assertThat(graph.person(DemoStory.DEPOT.tenant(), PersonId.of("pat"))).isPresent();
    }

    @Test
    void aConnectionFromAnotherMachineIsRefused() throws Exception {
        Optional<InetAddress> lan = nonLoopbackAddress();
        assumeThat(lan).as("a non-loopback address of this machine").isPresent();
        RawHttp fromLan = new RawHttp(lan.get(), port);

        for (String route : GET_ROUTES) {
            assertThat(fromLan.get(route, "Host: localhost:" + port).status()).as(route).isEqualTo(403);
        }
        assertThat(fromLan.send("POST", DEMO + "/reset", "{}", "Host: localhost:" + port,
                "Content-Type: application/json", "Cookie: " + PlaygroundCsrf.COOKIE + "=" + token,
                PlaygroundCsrf.HEADER + ": " + token).status()).isEqualTo(403);
    }

    @Test
    void pathTricksAreRefused() throws Exception {
        for (String route : List.of(DEMO + "/people", DEMO + "/reset")) {
            for (String trick : PathTricks.of(route)) {
                assertThat(http().get(trick, "Host: rebind.attacker.example").status()).as(trick).isIn(400, 403);
            }
        }
        assertThat(http().get("/playground;/api/tenants/depot/people", "Host: localhost").status()).isEqualTo(400);
        assertThat(http().get("/playground/api/tenants/%64emo/people", "Host: localhost").status()).isEqualTo(400);
    }

    @Test
    void thePageCarriesTheSecurityHeadersAndNoInlineScript() throws Exception {
        RawHttp.Response page = http().get("/", "Host: localhost:" + port);

        assertThat(page.header("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
                .doesNotContain("unsafe-inline");
        assertThat(page.header("X-Frame-Options")).hasValue("DENY");
        assertThat(page.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.header("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.body()).contains("<script src=\"/playground/playground.js\"></script>")
                .doesNotContainPattern("<script>|<style|\\son[a-z]+=|style=");
        assertThat(page.all("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith(PlaygroundCsrf.COOKIE + "=").contains("SameSite=Strict"));
    }

    private RawHttp.Response post(String path, String body, String... headers) throws Exception {
        List<String> all = new ArrayList<>(List.of(headers));
        all.add("Content-Type: application/json");
        all.add("Cookie: " + PlaygroundCsrf.COOKIE + "=" + token);
        all.add(PlaygroundCsrf.HEADER + ": " + token);
        return http().send("POST", path, body, all.toArray(String[]::new));
    }

    /** What a browser sends from a page of {@code host}: the Host, its Origin, same-origin fetch metadata. */
    private static String[] sameOrigin(String host) {
        return new String[] {"Host: " + host, "Origin: http://" + host, "Sec-Fetch-Site: same-origin"};
    }

    private static Optional<String> cookie(RawHttp.Response response) {
        return response.all("Set-Cookie").stream().filter(c -> c.startsWith(PlaygroundCsrf.COOKIE + "="))
                .map(c -> c.substring(PlaygroundCsrf.COOKIE.length() + 1, c.indexOf(';'))).findFirst();
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (network.isUp() && !network.isLoopback()) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private RawHttp http() {
        return RawHttp.loopback(port);
    }
}
