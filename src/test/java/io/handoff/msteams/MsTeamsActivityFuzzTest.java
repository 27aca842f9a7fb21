package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.microsoft.bot.schema.Activity;

/**
 * Fuzzes the Teams entry's parsing ({@code MsTeamsHttpServlet.parse}: botbuilder's Serialization into an
 * {@link Activity}, then Handoff's checks): any body is an activity with a service URL or an
 * {@link IllegalArgumentException} (answered 400), never another exception (a 500).
 */
class MsTeamsActivityFuzzTest {
    private static final List<String> TYPES = List.of("message", "invoke", "conversationUpdate", "installationUpdate",
            "messageReaction", "event", "typing");

    @FuzzTest(maxExecutions = 10_000)
    void parsesOrRefuses(FuzzedDataProvider data) {
        String body = data.consumeBoolean() ? activity(data) : data.consumeRemainingAsString();
        try {
            Activity activity = MsTeamsHttpServlet.parse(body.getBytes(StandardCharsets.UTF_8));
            assertThat(activity.getServiceUrl()).isNotBlank();
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    /** An activity shaped like Teams sends, with fuzzed values in its fields. */
    private static String activity(FuzzedDataProvider data) {
        return """
                {"type":"%s","id":"%s","timestamp":"%s","serviceUrl":"%s","channelId":"msteams",
                 "from":{"id":"%s","name":"Pat","aadObjectId":"%s"},"conversation":{"id":"%s","tenantId":"%s",
                 "conversationType":"personal"},"recipient":{"id":"28:bot","name":"Handoff"},"text":"%s",
                 "value":%s,"channelData":{"tenant":{"id":"%s"}},"entities":%s}"""
                .formatted(data.pickValue(TYPES), quoted(data), quoted(data), quoted(data), quoted(data), quoted(data),
                        quoted(data), quoted(data), quoted(data), data.consumeString(40), quoted(data),
                        data.consumeRemainingAsString());
    }

    private static String quoted(FuzzedDataProvider data) {
        return data.consumeString(30).replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
