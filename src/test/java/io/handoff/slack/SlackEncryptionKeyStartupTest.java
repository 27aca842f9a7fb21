package io.handoff.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.util.JsonOps;

import io.handoff.HandoffApplication;
import io.handoff.crypto.MissingEncryptionKeyException;
import io.handoff.testing.TestEncryption;
import io.handoff.testing.TestRedis;

/**
 * The whole application against a shared Redis: Slack OAuth without HANDOFF_ENCRYPTION_KEY does not start and says
 * what to set; with the key it seals the plaintext installations an earlier version stored while it starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class SlackEncryptionKeyStartupTest {

    /** Started with command-line arguments: they win over application.yml and the tests' application.properties. */
    private static ConfigurableApplicationContext startSlackOAuth(String encryptionKey) {
        return new SpringApplicationBuilder(HandoffApplication.class).web(WebApplicationType.NONE).run(
                "--handoff.redis.url=" + TestRedis.uri(),
                "--handoff.demo.mode=never",
                "--handoff.playground.enabled=false",
                "--handoff.scheduler.enabled=false",
                "--handoff.slack.client-id=1234.5678",
                "--handoff.slack.client-secret=test-client-secret",
                "--handoff.slack.signing-secret=" + SlackTestSupport.SECRET,
                "--handoff.slack.api-url=http://localhost:9/api/",
                "--handoff.encryption.key=" + encryptionKey);
    }

    @Test
    void slackOAuthOnASharedRedisWithoutAKeyRefusesToStartAndSaysWhatToSet(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> startSlackOAuth("").close());

        assertThat(NestedExceptionUtils.getRootCause(failure)).isInstanceOf(MissingEncryptionKeyException.class)
                .hasMessageStartingWith("Slack OAuth (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET) stores secrets in Redis")
                .hasMessageContaining("Set HANDOFF_ENCRYPTION_KEY to base64 of 32 random bytes")
                .hasMessageContaining("`openssl rand -base64 32`");
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("HANDOFF_ENCRYPTION_KEY, which is not set");
    }

    @Test
    void withTheKeyItStartsAndSealsPlaintextInstallationsOfAnEarlierVersion() {
        String team = SlackTestSupport.slackId('T');
        String key = "handoff:slack:bot:-:" + team;
        DefaultBot bot = new DefaultBot();
        bot.setTeamId(team);
        bot.setBotAccessToken("xoxb-" + team);
        TestRedis.client().set(key, JsonOps.toJsonString(bot));

        try (ConfigurableApplicationContext context = startSlackOAuth(TestEncryption.KEY)) {
            assertThat(TestRedis.client().get(key)).startsWith("v1:" + TestEncryption.box().currentKeyId() + ":")
                    .doesNotContain("xoxb-");
            assertThat(context.getBean(RedisInstallationService.class).findBot(null, team).getBotAccessToken())
                    .isEqualTo("xoxb-" + team);
        }
        assertThat(List.of(TestEncryption.box().open(TestRedis.client().get(key), key)))
                .singleElement().asString().contains("xoxb-" + team);
    }
}
