package io.handoff.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.slack.api.app_backend.SlackSignature;

/**
 * Fuzzes Handoff's Slack entry: {@link SlackHttpServlet} (signature check over the raw bytes, Bolt's parsing, then
 * Handoff's listeners, the conversation and the test Redis), called in-process with requests signed by the test
 * signing secret so the fuzzer gets past the HMAC. Bodies are slash commands and {@code payload=} interactions
 * (form-encoded) and Events API JSON, shaped like Slack's or not at all. Every answer is 200, 400 or 401 (401
 * exactly when the signature is wrong), never a 5xx, and no exception escapes. The app starts once for the class.
 */
@SpringBootTest
class SlackRequestFuzzTest {
    private static final String TEAM = SlackTestSupport.slackId('T');
    private static final String PAT = SlackTestSupport.slackId('U');
    private static final List<String> INTERACTIONS = List.of("block_actions", "view_submission", "view_closed",
            "shortcut", "message_action", "block_suggestion", "interactive_message", "dialog_submission",
            "dialog_suggestion", "dialog_cancellation", "workflow_step_edit");
    private static final List<String> EVENTS = List.of("message", "app_home_opened", "app_mention", "team_join",
            "user_change", "member_joined_channel", "tokens_revoked", "app_uninstalled", "reaction_added");
    private static final List<String> CONTENT_TYPES = List.of("application/x-www-form-urlencoded", "application/json",
            "text/plain", "");
    @RegisterExtension
    static final FakeSlackApi SLACK = new FakeSlackApi();

    static {
        SlackTestSupport.stubBotWorkspace(SLACK, TEAM, "Acme Parcels");
        SlackTestSupport.stubMessaging(SLACK);
        SlackTestSupport.stubUser(SLACK, PAT, TEAM, "Pat Okafor", "pat@acme.example");
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SlackTestSupport.registerSingleWorkspace(registry, SLACK, "xoxb-test-fuzz");
    }

    @Autowired
    ServletRegistrationBean<SlackHttpServlet> registration;

    @FuzzTest(maxExecutions = 1_500)
    void answers200Or400Or401(FuzzedDataProvider data) throws Exception {
        // the listeners call the Slack Web API stub on this machine; Jazzer's SSRF detector stays on for other hosts
        BugDetectors.allowNetworkConnections((host, port) -> host.equals("localhost") || host.equals("127.0.0.1"));
        boolean forged = data.consumeInt(0, 15) == 0;
        String contentType;
        String body;
        switch (data.consumeInt(0, 3)) {
            case 0 -> {
                contentType = CONTENT_TYPES.get(0);
                body = slashCommand(data);
            }
            case 1 -> {
                contentType = CONTENT_TYPES.get(0);
                body = SlackTestSupport.interactive(interaction(data));
            }
            case 2 -> {
                contentType = CONTENT_TYPES.get(1);
                body = event(data);
            }
            default -> {
                contentType = data.pickValue(CONTENT_TYPES);
                body = data.consumeRemainingAsString();
            }
        }
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        MockHttpServletRequest request = new MockHttpServletRequest("POST", SlackConfiguration.EVENTS_PATH);
        if (!contentType.isEmpty()) {
            request.setContentType(contentType);
        }
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        request.addHeader("X-Slack-Request-Timestamp", timestamp);
        request.addHeader("X-Slack-Signature", new SlackSignature.Generator(forged ? "not-the-secret"
                : SlackTestSupport.SECRET).generate(timestamp, body));
        MockHttpServletResponse response = new MockHttpServletResponse();

        registration.getServlet().service(request, response);

        assertThat(response.getStatus()).as("%s %s", contentType, body).isIn(forged ? List.of(401) : List.of(200, 400));
        assertThat(response.getContentAsString()).doesNotContain("Exception").doesNotContain("at io.handoff");
    }

    private static String slashCommand(FuzzedDataProvider data) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("team_id", data.consumeBoolean() ? TEAM : data.consumeString(12));
        fields.put("user_id", data.consumeBoolean() ? PAT : data.consumeString(12));
        fields.put("command", data.consumeBoolean() ? "/handoff" : data.consumeString(12));
        fields.put("text", data.consumeString(120));
        fields.put("trigger_id", data.consumeString(20));
        fields.put("response_url", "https://hooks.slack.invalid/commands/1");
        if (data.consumeBoolean()) {
            fields.put(data.consumeString(10), data.consumeString(20));
        }
        return SlackTestSupport.form(fields);
    }

    /** A payload with Slack's outline (type, team, user, ids) and fuzzed contents. */
    private static String interaction(FuzzedDataProvider data) {
        return """
                {"type":"%s","team":{"id":"%s","domain":"acme"},"user":{"id":"%s","team_id":"%s"},"api_app_id":"A0",
                 "trigger_id":"t.1","callback_id":"%s","action_id":"%s","value":"%s",
                 "actions":[{"action_id":"%s","block_id":"b","type":"button","value":"%s"}],
                 "view":{"id":"V1","type":"modal","callback_id":"%s","private_metadata":"%s","state":{"values":%s}}%s}"""
                .formatted(data.pickValue(INTERACTIONS), TEAM, data.consumeBoolean() ? PAT : quoted(data), TEAM,
                        quoted(data), quoted(data), quoted(data), quoted(data), quoted(data), quoted(data),
                        quoted(data), data.consumeString(80), data.consumeRemainingAsString());
    }

    private static String event(FuzzedDataProvider data) {
        return """
                {"type":"%s","team_id":"%s","api_app_id":"A0","event_id":"%s","event_time":1700000000,
                 "event":{"type":"%s","user":"%s","channel":"D0DM","channel_type":"%s","tab":"%s","text":"%s",
                  "ts":"1.2","event_ts":"1.2"%s}}"""
                .formatted(data.consumeInt(0, 7) == 0 ? quoted(data) : "event_callback", TEAM,
                        SlackTestSupport.slackId('E'), data.pickValue(EVENTS), data.consumeBoolean() ? PAT : quoted(data),
                        data.consumeBoolean() ? "im" : quoted(data), data.consumeBoolean() ? "home" : quoted(data),
                        quoted(data), data.consumeRemainingAsString());
    }

    private static String quoted(FuzzedDataProvider data) {
        return data.consumeString(30).replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
