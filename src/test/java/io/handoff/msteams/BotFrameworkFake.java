package io.handoff.msteams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays Microsoft's side of Teams over HTTP for the tests (one WireMock for the JVM, because the SDK keeps the
 * OpenID metadata URL and its keys JVM-wide): the OpenID metadata and its JWKS (an RSA key endorsed for msteams),
 * the client-credentials token endpoint, and the Bot Framework connector at {@link #serviceUrl()}. Signs channel
 * tokens with its own key, exactly as the Bot Framework would.
 */
final class BotFrameworkFake {
    static final String APP_ID = "8a6f3e2c-5b1d-4c7e-9f00-1234567890ab";
    static final String APP_PASSWORD = "test-client-secret";
    static final String OUTGOING_TOKEN = "outgoing-token-from-the-fake";
    static final String GRAPH_TOKEN = "graph-token-from-the-fake";
    static final String KEY_ID = "test-signing-key";
    static final String ISSUER = "https://api.botframework.com";
    static final ObjectMapper JSON = new ObjectMapper();

    private static BotFrameworkFake instance;

    final WireMockServer server;
    private final KeyPair key;
    private final KeyPair otherKey;

    private BotFrameworkFake() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        key = rsa();
        otherKey = rsa();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }

    static synchronized BotFrameworkFake instance() {
        if (instance == null) {
            instance = new BotFrameworkFake();
        }
        return instance;
    }

    /** Points a full-app test at the fake. */
    static void register(DynamicPropertyRegistry registry) {
        BotFrameworkFake fake = instance();
        registry.add("handoff.teams.app-id", () -> APP_ID);
        registry.add("handoff.teams.app-password", () -> APP_PASSWORD);
        registry.add("handoff.teams.open-id-metadata-url", () -> fake.baseUrl() + "/openid");
        registry.add("handoff.teams.oauth-token-url", () -> fake.baseUrl() + "/oauth2/token");
        registry.add("handoff.teams.retry.first-backoff", () -> "50ms");
        registry.add("handoff.teams.retry.max-wait", () -> "3s");
        registry.add("handoff.teams.graph-url", () -> fake.baseUrl() + "/graph");
        registry.add("handoff.teams.login-url", () -> fake.baseUrl() + "/login");
        registry.add("handoff.teams.default-service-url", fake::defaultServiceUrl);
        // the fake connector is plain http on localhost: allowed only by this explicit setting
        registry.add("handoff.teams.allow-loopback-http", () -> "true");
    }

    /** Plays Microsoft's global connector, used when no activity of the organisation gave a serviceUrl yet. */
    String defaultServiceUrl() {
        return baseUrl() + "/global/teams/";
    }

    String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** The connector's base URL as Teams sends it in activities (with a trailing slash, like the real ones). */
    String serviceUrl() {
        return baseUrl() + "/teams/";
    }

    /** Fresh default stubs: metadata, keys, token, and a connector that accepts every activity. */
    void reset() {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/openid")).willReturn(okJson("{\"issuer\":\"" + ISSUER
                + "\",\"jwks_uri\":\"" + baseUrl() + "/keys\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}")));
        server.stubFor(get(urlPathEqualTo("/keys")).willReturn(okJson(jwks())));
        server.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(okJson("{\"token_type\":\"Bearer\","
                + "\"expires_in\":3599,\"access_token\":\"" + OUTGOING_TOKEN + "\"}")));
        server.stubFor(post(urlPathMatching("/teams/v3/conversations/[^/]+/activities.*"))
                .atPriority(10).willReturn(okJson("{\"id\":\"sent-1\"}")));
        // updateActivity: a card replaced in place
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.put(
                        urlPathMatching("/teams/v3/conversations/[^/]+/activities/[^/]+"))
                .atPriority(10).willReturn(okJson("{\"id\":\"updated-1\"}")));
        // Graph for presence: an app-only token for any tenant, and everyone Available unless a test says otherwise
        server.stubFor(post(urlPathMatching("/login/[^/]+/oauth2/v2.0/token")).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + GRAPH_TOKEN + "\"}")));
        server.stubFor(get(urlPathMatching("/graph/v1.0/users/[^/]+/presence")).atPriority(10)
                .willReturn(okJson("{\"availability\":\"Available\",\"activity\":\"Available\"}")));
    }

    /** The connector knows this member (email lookups and rosters). */
    void member(String conversationId, TeamsUser user) {
        server.stubFor(get(urlPathEqualTo("/teams/v3/conversations/" + conversationId + "/members/" + user.userId()))
                .willReturn(okJson(user.memberJson().toString())));
    }

    void pagedMembers(String conversationId, List<TeamsUser> users) {
        ObjectNode page = JSON.createObjectNode();
        var members = page.putArray("members");
        users.forEach(u -> members.add(u.memberJson()));
        server.stubFor(get(urlPathEqualTo("/teams/v3/conversations/" + conversationId + "/pagedmembers"))
                .willReturn(okJson(page.toString())));
    }

    /** A valid channel token for an activity sent to {@code serviceUrl}. */
    String token(String serviceUrl) {
        return token(APP_ID, serviceUrl, Instant.now().plusSeconds(600), key);
    }

    String token(String audience, String serviceUrl, Instant expires, KeyPair signer) {
        return "Bearer " + JWT.create().withIssuer(ISSUER).withAudience(audience).withKeyId(KEY_ID)
                .withIssuedAt(Date.from(expires.minusSeconds(3600))).withNotBefore(Date.from(expires.minusSeconds(3600)))
                .withExpiresAt(Date.from(expires)).withClaim("serviceurl", serviceUrl)
                .withClaim("ver", "1.0")
                .sign(Algorithm.RSA256((RSAPublicKey) signer.getPublic(), (RSAPrivateKey) signer.getPrivate()));
    }

    KeyPair signingKey() {
        return key;
    }

    /** A key the metadata does not publish. */
    KeyPair foreignKey() {
        return otherKey;
    }

    /** Activities the bot sent to the conversation, as JSON, oldest first. */
    List<JsonNode> sentTo(String conversationId) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        urlPathMatching("/teams/v3/conversations/" + java.util.regex.Pattern.quote(conversationId)
                                + "/activities.*")))
                .stream().map(LoggedRequest::getBodyAsString).map(JSON::readTree).toList();
    }

    /** Activities the bot updated in place (PUT …/activities/{activityId}), as activity id → JSON, oldest first. */
    List<Map.Entry<String, JsonNode>> updatesTo(String conversationId) {
        String prefix = "/teams/v3/conversations/" + conversationId + "/activities/";
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                        urlPathMatching(java.util.regex.Pattern.quote(prefix) + "[^/]+")))
                .stream().map(request -> Map.entry(java.net.URLDecoder.decode(
                        request.getUrl().substring(prefix.length()).replaceAll("\\?.*", ""),
                        java.nio.charset.StandardCharsets.UTF_8), JSON.readTree(request.getBodyAsString())))
                .toList();
    }

    List<LoggedRequest> requestsTo(String pathRegex) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(urlPathMatching(pathRegex)));
    }

    /** The Adaptive Card of a sent activity. */
    static JsonNode card(JsonNode activity) {
        for (JsonNode attachment : activity.path("attachments")) {
            if (AdaptiveCards.CONTENT_TYPE.equals(attachment.path("contentType").asString())) {
                return attachment.path("content");
            }
        }
        throw new AssertionError("no Adaptive Card in " + activity);
    }

    /**
     * All texts of a card, one line per text block: TextBlocks (markdown, which Handoff no longer sends) and
     * RichTextBlocks with their TextRuns joined (plain text, never markdown). A bold run is written between
     * {@code **} here, a notation of this method only: whether typed text stayed plain is {@link #boldTexts}.
     */
    static String texts(JsonNode card) {
        StringBuilder out = new StringBuilder();
        card.path("body").forEach(element -> {
            if ("TextBlock".equals(element.path("type").asString())) {
                out.append(element.path("text").asString()).append('\n');
            } else if ("RichTextBlock".equals(element.path("type").asString())) {
                element.path("inlines").forEach(run -> {
                    boolean bold = "bolder".equals(run.path("weight").asString());
                    out.append(bold ? "**" : "").append(run.path("text").asString()).append(bold ? "**" : "");
                });
                out.append('\n');
            }
        });
        return out.toString();
    }

    /** The card's Action.OpenUrl buttons, in its body's action sets and its own actions. */
    static java.util.List<JsonNode> openUrls(JsonNode card) {
        java.util.List<JsonNode> found = new java.util.ArrayList<>();
        card.path("body").forEach(element -> element.path("actions").forEach(found::add));
        card.path("actions").forEach(found::add);
        found.removeIf(action -> !"Action.OpenUrl".equals(action.path("type").asString()));
        return found;
    }

    /** The texts of a card's bold runs, in order. */
    static java.util.List<String> boldTexts(JsonNode card) {
        java.util.List<String> bold = new java.util.ArrayList<>();
        card.path("body").forEach(element -> element.path("inlines").forEach(run -> {
            if ("bolder".equals(run.path("weight").asString())) {
                bold.add(run.path("text").asString());
            }
        }));
        return bold;
    }

    private String jwks() {
        ObjectNode jwks = JSON.createObjectNode();
        ObjectNode jwk = jwks.putArray("keys").addObject();
        RSAPublicKey publicKey = (RSAPublicKey) key.getPublic();
        jwk.put("kty", "RSA").put("use", "sig").put("kid", KEY_ID).put("alg", "RS256")
                .put("n", base64Url(publicKey.getModulus())).put("e", base64Url(publicKey.getPublicExponent()));
        jwk.putArray("endorsements").add("msteams");
        return jwks.toString();
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

    /** A Teams user of the fake Microsoft 365 tenant. */
    record TeamsUser(String userId, String aadObjectId, String name, String email, String tenantId) {
        ObjectNode memberJson() {
            ObjectNode member = JSON.createObjectNode();
            member.put("id", userId).put("name", name).put("aadObjectId", aadObjectId).put("objectId", aadObjectId)
                    .put("email", email).put("userPrincipalName", email).put("tenantId", tenantId);
            return member;
        }

        /** The id of this user's personal conversation with the bot. */
        String personalConversation() {
            return "a:personal-" + aadObjectId;
        }
    }

    /** Activity JSON as Teams sends it. */
    ObjectNode activity(String type, TeamsUser from, String conversationId, String conversationType) {
        ObjectNode activity = JSON.createObjectNode();
        activity.put("type", type).put("id", "act-" + System.nanoTime()).put("timestamp", Instant.now().toString())
                .put("serviceUrl", serviceUrl()).put("channelId", "msteams").put("locale", "en-GB");
        activity.putObject("from").put("id", from.userId()).put("name", from.name())
                .put("aadObjectId", from.aadObjectId());
        activity.putObject("conversation").put("id", conversationId).put("conversationType", conversationType)
                .put("tenantId", from.tenantId());
        activity.putObject("recipient").put("id", "28:" + APP_ID).put("name", "Handoff");
        activity.putObject("channelData").putObject("tenant").put("id", from.tenantId());
        return activity;
    }

    ObjectNode text(TeamsUser from, String text) {
        return activity("message", from, from.personalConversation(), "personal").put("text", text);
    }

    /** An Action.Submit of the card Teams knows as activity {@code cardId} (its replyToId). */
    ObjectNode submitOn(String cardId, TeamsUser from, Map<String, String> value) {
        ObjectNode activity = submit(from, value);
        activity.put("replyToId", cardId);
        return activity;
    }

    ObjectNode submit(TeamsUser from, Map<String, String> value) {
        ObjectNode activity = activity("message", from, from.personalConversation(), "personal");
        ObjectNode data = activity.putObject("value");
        value.forEach(data::put);
        return activity;
    }
}
