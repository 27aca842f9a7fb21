package io.handoff.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.slack.api.app_backend.SlackSignature;

/**
 * Requests as Slack sends them to a Request URL ({@code /slack/events}): form bodies signed with a real v0
 * HMAC-SHA256 signature over the exact bytes sent, the same for Handoff and for the bare Bolt app.
 */
final class SlackRequests {
    static final String SECRET = "bench-signing-secret-5c1e";
    static final String TEAM = "TBENCH0001";
    static final String FORM = "application/x-www-form-urlencoded";
    private static final SlackSignature.Generator SIGNER = new SlackSignature.Generator(SECRET);

    private SlackRequests() {
    }

    /** A signed POST of {@code body} to {@code /slack/events} on a loopback port. */
    static HttpRequest signed(int port, String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", FORM)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", SIGNER.generate(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** {@code /handoff <text>} said by a user of the benchmark's workspace (its response URL leads nowhere). */
    static String slashCommand(String userId, String text, String triggerId) {
        return slashCommand(userId, text, triggerId, "https://hooks.slack.invalid/commands/1");
    }

    /** {@code /handoff <text>} said by a user of the benchmark's workspace, answered later at {@code responseUrl}. */
    static String slashCommand(String userId, String text, String triggerId, String responseUrl) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "legacy-unused");
        fields.put("team_id", TEAM);
        fields.put("team_domain", "bench");
        fields.put("channel_id", "D0BENCH");
        fields.put("user_id", userId);
        fields.put("user_name", "someone");
        fields.put("command", "/handoff");
        fields.put("text", text);
        fields.put("api_app_id", "A0HANDOFF");
        fields.put("response_url", responseUrl);
        fields.put("trigger_id", triggerId);
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(encode(name)).append('=')
                .append(encode(value)));
        return body.toString();
    }

    /** A modal's {@code view_submission} with these state values (JSON of block id → action id → value). */
    static String viewSubmission(String userId, String callbackId, String privateMetadata, String valuesJson) {
        String payload = """
                {"type":"view_submission","api_app_id":"A0HANDOFF","team":{"id":"%s","domain":"bench"},
                 "user":{"id":"%s","team_id":"%s"},"trigger_id":"trig-view",
                 "view":{"id":"V0MODAL","team_id":"%s","type":"modal","callback_id":"%s","private_metadata":"%s",
                  "blocks":[],"state":{"values":%s}}}""".formatted(TEAM, userId, TEAM, TEAM, callbackId,
                privateMetadata.replace("\\", "\\\\").replace("\"", "\\\""), valuesJson);
        return "payload=" + encode(payload);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
