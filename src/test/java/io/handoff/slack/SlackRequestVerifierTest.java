package io.handoff.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.slack.api.app_backend.SlackSignature;

class SlackRequestVerifierTest {
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final SlackRequestVerifier verifier = new SlackRequestVerifier(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void acceptsSlacksOwnSignatureAndNothingElse() {
        String body = "token=x&team_id=T1&command=%2Fhandoff&text=help";
        String timestamp = Long.toString(NOW.getEpochSecond() - 30);
        String signature = new SlackSignature.Generator(SECRET).generate(timestamp, body);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        assertThat(verifier.verify(timestamp, signature, bytes)).isTrue();
        assertThat(verifier.verify(timestamp, signature.replace("v0=", "v1="), bytes)).isFalse();
        assertThat(verifier.verify(timestamp, signature, (body + " ").getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(verifier.verify(Long.toString(NOW.getEpochSecond() - 29), signature, bytes)).isFalse();
        assertThat(verifier.verify("not-a-number", signature, bytes)).isFalse();
        assertThat(verifier.verify(null, signature, bytes)).isFalse();
        assertThat(verifier.verify(timestamp, null, bytes)).isFalse();
    }

    @Test
    void refusesTimestampsMoreThanFiveMinutesAwayEitherWay() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        for (long offset : new long[] {-301, 301}) {
            String timestamp = Long.toString(NOW.getEpochSecond() + offset);
            assertThat(verifier.verify(timestamp, sign(timestamp, body), body)).as("offset " + offset).isFalse();
        }
        String edge = Long.toString(NOW.getEpochSecond() - 300);
        assertThat(verifier.verify(edge, sign(edge, body), body)).isTrue();
    }

    @Test
    void hashesTheRawUtf8BytesOfTheBody() {
        byte[] body = "{\"text\":\"Zoë’s café – 日本\"}".getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(NOW.getEpochSecond());

        assertThat(verifier.verify(timestamp, sign(timestamp, body), body)).isTrue();
    }

    private static String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
