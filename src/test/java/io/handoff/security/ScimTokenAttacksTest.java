package io.handoff.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.handoff.graph.GraphStore;
import io.handoff.graph.Tenant;
import io.handoff.graph.TenantId;
import io.handoff.scim.ScimClient;
import io.handoff.scim.ScimClient.Response;
import io.handoff.testing.TestAppProperties;
import io.handoff.testing.TestRedis;

/**
 * Attacks on the SCIM route family: no token, a wrong one, the admin token, a rotated or revoked one, one tenant's
 * token against another tenant, the SCIM token against the admin API, and filter injection. Every refusal is a 401
 * with a SCIM error body and the {@code scim} realm (never the admin token's), or a 400 {@code invalidFilter}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScimTokenAttacksTest {
    private static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
            + "\"userName\":\"%s\",\"active\":true}";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestAppProperties.onTestRedisWithAdminToken(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    GraphStore graph;

    TenantId acme;
    TenantId globex;
    String acmeToken;
    String globexToken;

    @BeforeEach
    void tenants() {
        acme = TestRedis.uniqueTenant();
        globex = TestRedis.uniqueTenant();
        graph.saveTenant(new Tenant(acme, "Acme", null, null, null, Instant.now()));
        graph.saveTenant(new Tenant(globex, "Globex", null, null, null, Instant.now()));
        acmeToken = ScimClient.issueToken(port, acme.value(), TestAppProperties.ADMIN_TOKEN);
        globexToken = ScimClient.issueToken(port, globex.value(), TestAppProperties.ADMIN_TOKEN);
    }

    @Test
    void withoutTheTenantsTokenEveryScimRouteIs401() {
        for (String token : new String[] {null, "", "scim_wrong", TestAppProperties.ADMIN_TOKEN, globexToken,
                acmeToken + "x", acmeToken.substring(0, acmeToken.length() - 1)}) {
            ScimClient client = new ScimClient(port, acme.value(), token);
            for (Response response : new Response[] {client.get("/Users"), client.get("/ServiceProviderConfig"),
                    client.post("/Users", USER.formatted("mallory@evil.example")),
                    client.patch("/Users/anyone", "{}"), client.delete("/Groups/anything")}) {
                assertThat(response.status()).as(token + " " + response).isEqualTo(401);
                assertThat(response.contentType()).startsWith("application/scim+json");
                assertThat(response.json().get("schemas").get(0).asString())
                        .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
                assertThat(response.json().get("status").asString()).isEqualTo("401");
                assertThat(response.challenge()).startsWith("Bearer realm=\"scim\"").doesNotContain("handoff");
            }
        }
        assertThat(graph.personByEmail(acme, "mallory@evil.example")).isEmpty();
        assertThat(new ScimClient(port, acme.value(), acmeToken).get("/Users").status()).isEqualTo(200);
    }

    @Test
    void oneTenantsTokenCannotReadOrChangeAnother() {
        ScimClient acmeScim = new ScimClient(port, acme.value(), acmeToken);
        Response created = acmeScim.post("/Users", USER.formatted("pat@acme.example"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();

        ScimClient globexWithAcmeToken = new ScimClient(port, globex.value(), acmeToken);
        assertThat(globexWithAcmeToken.get("/Users").status()).isEqualTo(401);
        assertThat(globexWithAcmeToken.post("/Users", USER.formatted("x@globex.example")).status()).isEqualTo(401);
        ScimClient acmeWithGlobexToken = new ScimClient(port, acme.value(), globexToken);
        assertThat(acmeWithGlobexToken.get("/Users/" + id).status()).isEqualTo(401);
        assertThat(acmeWithGlobexToken.delete("/Users/" + id).status()).isEqualTo(401);
        assertThat(acmeWithGlobexToken.patch("/Users/" + id,
                "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}").status()).isEqualTo(401);
        // Globex's own token in its own tenant does not see Acme's user either.
        ScimClient globexScim = new ScimClient(port, globex.value(), globexToken);
        assertThat(globexScim.get("/Users/" + id).status()).isEqualTo(404);
        assertThat(globexScim.get("/Users").json().get("totalResults").asInt()).isZero();

        assertThat(acmeScim.get("/Users/" + id).json().get("active").asBoolean()).isTrue();
    }

    @Test
    void rotationAndRevocationInvalidateTheOldToken() {
        String rotated = ScimClient.issueToken(port, acme.value(), TestAppProperties.ADMIN_TOKEN);
        assertThat(rotated).isNotEqualTo(acmeToken);
        assertThat(new ScimClient(port, acme.value(), acmeToken).get("/Users").status()).isEqualTo(401);
        assertThat(new ScimClient(port, acme.value(), rotated).get("/Users").status()).isEqualTo(200);

        Response revoked = send(HttpRequest.newBuilder(adminUri(acme)).header("Authorization",
                "Bearer " + TestAppProperties.ADMIN_TOKEN).DELETE().build());
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(new ScimClient(port, acme.value(), rotated).get("/Users").status()).isEqualTo(401);
    }

    @Test
    void onlyTheAdminTokenIssuesScimTokensAndTheScimTokenOpensNoAdminRoute() {
        assertThat(send(HttpRequest.newBuilder(adminUri(acme)).POST(HttpRequest.BodyPublishers.noBody()).build())
                .status()).isEqualTo(401);
        Response withScimToken = send(HttpRequest.newBuilder(adminUri(acme)).header("Authorization",
                "Bearer " + acmeToken).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(withScimToken.status()).isEqualTo(401);
        assertThat(withScimToken.challenge()).contains("realm=\"handoff\"");
        assertThat(new ScimClient(port, acme.value(), acmeToken).get("/Users").status()).as("still valid")
                .isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tenants/no-such"
                + "-tenant/scim-token")).header("Authorization", "Bearer " + TestAppProperties.ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).status()).isEqualTo(404);
    }

    @Test
    void filterInjectionIsAnInvalidFilter() {
        ScimClient scim = new ScimClient(port, acme.value(), acmeToken);
        assertThat(scim.post("/Users", USER.formatted("pat@acme.example")).status()).isEqualTo(201);
        for (String filter : new String[] {
                "userName eq \"x\" or userName pr",
                "userName eq \"x\") or (userName pr",
                "userName pr",
                "userName eq \"x\" or 1 eq 1",
                "userName eq \"pat@acme.example\" and externalId eq \"a\"",
                "not (userName eq \"x\")",
                "userName eq \"unterminated",
                "userName eq \"x\"; FLUSHALL",
                "userName sw \"\"",
                "meta.created gt \"2000-01-01T00:00:00Z\"",
                "userName eq \"x\"" + " ".repeat(1100) + "",
                "emails[value co \"@\"]"}) {
            Response response = scim.filter("Users", filter, null);
            assertThat(response.status()).as(filter).isEqualTo(400);
            assertThat(response.json().get("scimType").asString()).as(filter).isEqualTo("invalidFilter");
            assertThat(response.body()).doesNotContain("pat@acme.example").doesNotContain("Exception");
        }
        for (String literal : new String[] {"*", "%", "u:name:pat@acme.example", "}"}) {
            Response response = scim.filter("Users", "userName eq \"" + literal.replace("\"", "\\\"") + "\"", null);
            assertThat(response.status()).as(literal).isEqualTo(200);
            assertThat(response.json().get("totalResults").asInt()).as("a literal, never a pattern: " + literal)
                    .isZero();
        }
        assertThat(scim.filter("Users", "userName eq \"PAT@acme.example\"", null).json().get("totalResults").asInt())
                .isEqualTo(1);
    }

    private URI adminUri(TenantId tenant) {
        return URI.create("http://localhost:" + port + "/api/v1/tenants/" + tenant.value() + "/scim-token");
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("WWW-Authenticate").orElse(""));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
