package io.handoff.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * Microsoft's side of Teams played by WireMock in this JVM, as the tests' {@code BotFrameworkFake} plays it (the
 * benchmarks cannot see test classes; this is the part they need): the OpenID metadata and its JWKS with one RSA key
 * endorsed for {@code msteams}, the client-credentials token endpoint, and the Bot Framework connector at
 * {@link #serviceUrl()} accepting every activity. Channel tokens are signed with the same key, exactly as the Bot
 * Framework signs them. The metadata and the keys can answer after a delay, as Microsoft's do from far away.
 */
final class BotFrameworkStub implements AutoCloseable {
    static final String APP_ID = "8a6f3e2c-5b1d-4c7e-9f00-00000000be0c";
    static final String APP_PASSWORD = "bench-client-secret";
    static final String MICROSOFT_TENANT = "7eac4a11-0000-4000-8000-00000000be0c";
    private static final String KEY_ID = "bench-signing-key";
    private static final String ISSUER = "https://api.botframework.com";

    final WireMockServer server;
    private final KeyPair key;
    private final Algorithm signer;

    BotFrameworkStub(Duration openIdLatency, boolean journal) {
        WireMockConfiguration options = wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(150);
        server = new WireMockServer(journal ? options : options.disableRequestJournal());
        server.start();
        key = rsa();
        signer = Algorithm.RSA256((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate());
        int delay = (int) openIdLatency.toMillis();
        server.stubFor(get(urlPathEqualTo("/openid")).willReturn(okJson("{\"issuer\":\"" + ISSUER + "\",\"jwks_uri\":\""
                + baseUrl() + "/keys\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}").withFixedDelay(delay)));
        server.stubFor(get(urlPathEqualTo("/keys")).willReturn(okJson(jwks()).withFixedDelay(delay)));
        server.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(okJson("{\"token_type\":\"Bearer\","
                + "\"expires_in\":3599,\"access_token\":\"outgoing-token-from-the-stub\"}")));
        server.stubFor(post(urlPathMatching("/teams/v3/conversations/[^/]+/activities.*"))
                .willReturn(okJson("{\"id\":\"sent-1\"}")));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(
                urlPathMatching("/teams/v3/conversations/[^/]+/activities/[^/]+")).willReturn(okJson("{\"id\":\"u-1\"}")));
        server.stubFor(get(urlPathMatching("/teams/v3/conversations/[^/]+/members/[^/]+"))
                .willReturn(aResponse().withStatus(404)));
    }

    /** The connector knows this user (their email, asked when they are new to Handoff). */
    void member(String userId, String aadObjectId, String name, String email) {
        server.stubFor(get(urlPathEqualTo("/teams/v3/conversations/" + personalConversation(aadObjectId) + "/members/"
                + userId)).willReturn(okJson("{\"id\":\"%s\",\"name\":\"%s\",\"aadObjectId\":\"%s\",\"email\":\"%s\","
                .formatted(userId, name, aadObjectId, email) + "\"userPrincipalName\":\"" + email + "\",\"tenantId\":\""
                + MICROSOFT_TENANT + "\"}")));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The connector's base URL as Teams sends it in activities. */
    String serviceUrl() {
        return baseUrl() + "/teams/";
    }

    /** Points the app at the stub (property names as in application.yml). */
    Map<String, Object> appSettings() {
        return Map.of("handoff.teams.app-id", APP_ID,
                "handoff.teams.app-password", APP_PASSWORD,
                "handoff.teams.open-id-metadata-url", metadataUrl(),
                "handoff.teams.oauth-token-url", baseUrl() + "/oauth2/token",
                "handoff.teams.graph-url", baseUrl() + "/graph",
                "handoff.teams.login-url", baseUrl() + "/login",
                "handoff.teams.default-service-url", baseUrl() + "/global/teams/",
                "handoff.teams.presence-enabled", "false",
                "handoff.teams.allow-loopback-http", "true");
    }

    String metadataUrl() {
        return baseUrl() + "/openid";
    }

    static String personalConversation(String aadObjectId) {
        return "a:personal-" + aadObjectId;
    }

    /** A personal-chat message from a user of the benchmark's Microsoft 365 tenant, as Teams sends it. */
    String message(String userId, String aadObjectId, String name, String text) {
        return """
                {"type":"message","id":"act-%d","timestamp":"%s","serviceUrl":"%s","channelId":"msteams",
                 "locale":"en-GB","from":{"id":"%s","name":"%s","aadObjectId":"%s"},
                 "conversation":{"id":"%s","conversationType":"personal","tenantId":"%s"},
                 "recipient":{"id":"28:%s","name":"Handoff"},"channelData":{"tenant":{"id":"%s"}},"text":"%s"}"""
                .formatted(System.nanoTime(), Instant.now(), serviceUrl(), userId, name, aadObjectId,
                        personalConversation(aadObjectId), MICROSOFT_TENANT, APP_ID, MICROSOFT_TENANT, text);
    }

    /** A signed POST of an activity to {@code /api/messages} on a loopback port. */
    HttpRequest signed(int port, String activity) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Authorization", token()).POST(HttpRequest.BodyPublishers.ofString(activity)).build();
    }

    /** A channel token for an activity sent to {@link #serviceUrl()}, valid ten minutes. */
    String token() {
        Instant now = Instant.now();
        return "Bearer " + JWT.create().withIssuer(ISSUER).withAudience(APP_ID).withKeyId(KEY_ID)
                .withIssuedAt(Date.from(now.minusSeconds(60))).withNotBefore(Date.from(now.minusSeconds(60)))
                .withExpiresAt(Date.from(now.plusSeconds(600))).withClaim("serviceurl", serviceUrl())
                .withClaim("ver", "1.0").sign(signer);
    }

    private String jwks() {
        RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"" + KEY_ID + "\",\"alg\":\"RS256\",\"n\":\""
                + base64Url(publicKey.getModulus()) + "\",\"e\":\"" + base64Url(publicKey.getPublicExponent())
                + "\",\"endorsements\":[\"msteams\"]}]}";
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
