package io.handoff.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.SlackSignature;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.handoff.graph.GraphStore;
import io.handoff.testing.TestAppProperties;
import io.handoff.testing.TestEncryption;
import io.handoff.testing.TestRedis;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What the Slack tests share: a WireMock standing in for the Slack Web API, and requests as Slack sends them, each
 * signed with a real v0 HMAC-SHA256 signature over the exact bytes sent.
 */
final class SlackTestSupport {
    static final String SECRET = "test-signing-secret-8f2e6c";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Random RANDOM = new Random();

    private SlackTestSupport() {
    }

    /** The Web API base URL of the stub, as {@code handoff.slack.api-url} and the SDK take it. */
    static String apiUrl(WireMockServer slack) {
        return "http://localhost:" + slack.port() + "/api/";
    }

    /**
     * The running app against the test Redis (no demo tenant) and the Slack stub, with requests signed by
     * {@link #SECRET}; how it is installed (a bot token, or OAuth) the test adds.
     */
    static void registerSlackApp(DynamicPropertyRegistry registry, WireMockServer slack) {
        TestAppProperties.onTestRedis(registry);
        registry.add("handoff.slack.signing-secret", () -> SECRET);
        registry.add("handoff.slack.api-url", () -> apiUrl(slack));
        registry.add("handoff.slack.response-url-base", () -> slack.baseUrl() + "/hooks/");
        // a command still running after this is answered through its response URL ({@link #commandAnswer} reads both)
        registry.add("handoff.slack.ack-wait", () -> "2s");
    }

    /** The running app installed in one workspace with this bot token ({@code SLACK_BOT_TOKEN}). */
    static void registerSingleWorkspace(DynamicPropertyRegistry registry, WireMockServer slack, String botToken) {
        registerSlackApp(registry, slack);
        registry.add("handoff.slack.bot-token", () -> botToken);
    }

    /** A Slack SDK client whose Web API calls go to the stub. */
    static Slack slack(WireMockServer slack) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl(slack));
        config.setFailOnUnknownProperties(false);
        return Slack.getInstance(config);
    }

    /** The workspaces of a single-workspace install with this bot token; OAuth installations sealed in the test Redis. */
    static SlackWorkspaces workspaces(GraphStore graph, WireMockServer slack, String botToken) {
        SlackProperties properties = new SlackProperties(botToken, "secret", null, null, null, apiUrl(slack), null, null);
        return new SlackWorkspaces(graph, properties,
                new RedisInstallationService(TestRedis.client(), TestEncryption.box()), Clock.systemUTC());
    }

    /** A Slack-looking id no other test run uses, e.g. {@code TQ7X2KD}. */
    static String slackId(char kind) {
        StringBuilder id = new StringBuilder().append(kind);
        for (int i = 0; i < 8; i++) {
            id.append("ABCDEFGHJKLMNPQRSTUVWXYZ23456789".charAt(RANDOM.nextInt(32)));
        }
        return id.toString();
    }

    /** The Web API methods every conversation uses: a DM post, a modal, the Home tab. */
    static void stubMessaging(WireMockServer slack) {
        stubOk(slack, "chat.postMessage", "{\"ok\":true,\"channel\":\"D0DM\",\"ts\":\"1700000000.000100\"}");
        stubOk(slack, "views.open", "{\"ok\":true,\"view\":{\"id\":\"V0MODAL\"}}");
        stubOk(slack, "views.publish", "{\"ok\":true,\"view\":{\"id\":\"V0HOME\"}}");
    }

    static void stubOk(WireMockServer slack, String method, String json) {
        slack.stubFor(post(urlEqualTo("/api/" + method)).willReturn(okJson(json)));
    }

    /** What Bolt asks of a single-workspace install when the app starts (auth.test), and no user groups. */
    static void stubBotWorkspace(WireMockServer slack, String teamId, String teamName) {
        stubOk(slack, "auth.test", """
                {"ok":true,"url":"https://acme.slack.com/","team":"%s","user":"handoff","team_id":"%s",
                 "user_id":"UBOT","bot_id":"BBOT","is_enterprise_install":false}""".formatted(teamName, teamId));
        stubOk(slack, "usergroups.list", "{\"ok\":true,\"usergroups\":[]}");
    }

    static void stubUser(WireMockServer slack, String userId, String teamId, String name, String email) {
        slack.stubFor(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=" + userId))
                .willReturn(okJson("""
                        {"ok":true,"user":{"id":"%s","team_id":"%s","name":"%s","real_name":"%s","tz":"Europe/London",
                         "is_admin":true,"profile":{"real_name":"%s","display_name":"%s","email":"%s"}}}"""
                        .formatted(userId, teamId, name, name, name, name, email == null ? "" : email))));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(String json) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(json);
    }

    // ---- requests as Slack sends them ---------------------------------------------------------------------------

    static String slashCommand(String teamId, String userId, String text, String triggerId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "legacy-unused");
        fields.put("team_id", teamId);
        fields.put("team_domain", "acme");
        fields.put("channel_id", "D0CMD");
        fields.put("user_id", userId);
        fields.put("user_name", "someone");
        fields.put("command", "/handoff");
        fields.put("text", text);
        fields.put("api_app_id", "A0HANDOFF");
        fields.put("response_url", "https://hooks.slack.invalid/commands/1");
        fields.put("trigger_id", triggerId);
        return form(fields);
    }

    /** A slash command whose response URL is the stub's {@code /hooks/commands/<trigger id>} (answered 200). */
    static String slashCommand(WireMockServer slack, String teamId, String userId, String text, String triggerId) {
        slack.stubFor(post(urlEqualTo(commandHook(triggerId))).willReturn(aResponse().withStatus(200).withBody("ok")));
        return slashCommand(teamId, userId, text, triggerId).replace(
                URLEncoder.encode("https://hooks.slack.invalid/commands/1", StandardCharsets.UTF_8),
                URLEncoder.encode(slack.baseUrl() + commandHook(triggerId), StandardCharsets.UTF_8));
    }

    static String commandHook(String triggerId) {
        return "/hooks/commands/" + URLEncoder.encode(triggerId, StandardCharsets.UTF_8);
    }

    /**
     * The answer to a signed slash command, wherever Slack would show it: the ack, or (a command still running when
     * the ack went: "Working on it…") the one post to the command's response URL.
     */
    static JsonNode commandAnswer(int port, WireMockServer slack, String teamId, String userId, String text,
                                  String triggerId) throws IOException, InterruptedException {
        HttpResponse<String> ack = postSigned(port, slashCommand(slack, teamId, userId, text, triggerId),
                "application/x-www-form-urlencoded", Map.of());
        if (ack.statusCode() != 200) {
            throw new AssertionError("the command was answered " + ack.statusCode() + ": " + ack.body());
        }
        JsonNode acked = json(ack.body());
        if (!SlackSlashCommands.WORKING.equals(acked.path("text").asString(""))) {
            return acked;
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            List<LoggedRequest> posts = slack.findAll(com.github.tomakehurst.wiremock.client.WireMock
                    .postRequestedFor(urlEqualTo(commandHook(triggerId))));
            if (!posts.isEmpty()) {
                return json(posts.get(0).getBodyAsString());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no answer to " + text + " after its ack");
    }

    static String interactive(String payloadJson) {
        return "payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8);
    }

    static String form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    static HttpResponse<String> postSigned(int port, String body, String contentType, Map<String, String> headers)
            throws IOException, InterruptedException {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return postWith(port, body, contentType, timestamp, new SlackSignature.Generator(SECRET).generate(timestamp, body),
                headers);
    }

    static HttpResponse<String> postWith(int port, String body, String contentType, String timestamp, String signature,
                                         Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (timestamp != null) {
            request.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(int port, String pathAndQuery, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- what the Slack API stub received -----------------------------------------------------------------------

    /** The form fields of a Web API call (the SDK posts application/x-www-form-urlencoded). */
    static Map<String, String> params(LoggedRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        String body = request.getBodyAsString();
        if (body.isEmpty()) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    static List<Map<String, String>> calls(WireMockServer slack, String method) {
        return slack.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlEqualTo("/api/" + method))).stream().map(SlackTestSupport::params).toList();
    }

    static List<Map<String, String>> postsTo(WireMockServer slack, String channel) {
        return calls(slack, "chat.postMessage").stream().filter(p -> channel.equals(p.get("channel"))).toList();
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
