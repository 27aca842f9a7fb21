package io.handoff.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.util.JsonOps;

import io.handoff.crypto.EncryptionKey;
import io.handoff.crypto.SecretBox;
import io.handoff.testing.TestEncryption;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.UnifiedJedis;

/**
 * Slack installations at rest in a real Redis: sealed (no token in the stored value), bound to their key, readable
 * across a key rotation, plaintext of earlier versions read and sealed in place, and a value that does not open read
 * as no installation with one log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisInstallationServiceTest {
    private static final EncryptionKey PREVIOUS = EncryptionKey.generate();
    private final UnifiedJedis redis = TestRedis.client();
    /** The run's key, so the migration leaves what other tests stored readable for them. */
    private final RedisInstallationService installations = new RedisInstallationService(redis, TestEncryption.box());

    @Test
    void savesSealedAndReadsBackTheTokens() {
        String team = SlackTestSupport.slackId('T');
        String user = SlackTestSupport.slackId('U');

        installations.saveInstallerAndBot(installer(team, user));

        String botKey = "handoff:slack:bot:-:" + team;
        String installerKey = "handoff:slack:installer:-:" + team + ":" + user;
        for (String key : List.of(botKey, installerKey)) {
            String stored = redis.get(key);
            assertThat(stored).as(key).startsWith("v1:" + TestEncryption.box().currentKeyId() + ":")
                    .doesNotContain("xoxb-").doesNotContain("xoxp-").doesNotContain("xoxe-");
        }
        Bot bot = installations.findBot(null, team);
        assertThat(bot.getBotAccessToken()).isEqualTo("xoxb-" + team);
        assertThat(bot.getBotRefreshToken()).isEqualTo("xoxe-1-" + team);
        Installer installer = installations.findInstaller(null, team, user);
        assertThat(installer.getInstallerUserAccessToken()).isEqualTo("xoxp-" + user);
        assertThat(installer.getBotAccessToken()).isEqualTo("xoxb-" + team);
    }

    @Test
    void aSealedValueCopiedToAnotherWorkspaceDoesNotOpen(CapturedOutput output) {
        String victim = SlackTestSupport.slackId('T');
        String attacker = SlackTestSupport.slackId('T');
        installations.saveBot(bot(victim));

        redis.set("handoff:slack:bot:-:" + attacker, redis.get("handoff:slack:bot:-:" + victim));

        assertThat(installations.findBot(null, attacker)).isNull();
        assertThat(installations.findBot(null, victim).getBotAccessToken()).isEqualTo("xoxb-" + victim);
        assertThat(output.getAll()).contains("handoff:slack:bot:-:" + attacker + " cannot be decrypted (key id "
                + TestEncryption.box().currentKeyId() + ")");
    }

    @Test
    void afterARotationTheOldKeyStillReadsAndASaveUsesTheNewKey() {
        String team = SlackTestSupport.slackId('T');
        String key = "handoff:slack:bot:-:" + team;
        new RedisInstallationService(redis, new SecretBox(PREVIOUS, List.of())).saveBot(bot(team));
        assertThat(redis.get(key)).startsWith("v1:" + PREVIOUS.id() + ":");
        SecretBox rotated = new SecretBox(EncryptionKey.fromBase64("K", TestEncryption.KEY), List.of(PREVIOUS));
        RedisInstallationService afterRotation = new RedisInstallationService(redis, rotated);

        Bot read = afterRotation.findBot(null, team);
        afterRotation.saveBot(read);

        assertThat(read.getBotAccessToken()).isEqualTo("xoxb-" + team);
        assertThat(redis.get(key)).startsWith("v1:" + rotated.currentKeyId() + ":");
        assertThat(new RedisInstallationService(redis, TestEncryption.box()).findBot(null, team).getBotAccessToken())
                .as("readable without the previous key once re-saved").isEqualTo("xoxb-" + team);
    }

    @Test
    void theMigrationReSealsValuesOfThePreviousKey() {
        String team = SlackTestSupport.slackId('T');
        String key = "handoff:slack:bot:-:" + team;
        new RedisInstallationService(redis, new SecretBox(PREVIOUS, List.of())).saveBot(bot(team));
        SecretBox rotated = new SecretBox(EncryptionKey.fromBase64("K", TestEncryption.KEY), List.of(PREVIOUS));

        RedisInstallationService.Migration migration =
                new RedisInstallationService(redis, rotated).sealStoredInstallations();

        assertThat(migration.resealed()).isGreaterThanOrEqualTo(1);
        assertThat(redis.get(key)).startsWith("v1:" + rotated.currentKeyId() + ":");
        assertThat(installations.findBot(null, team).getBotAccessToken()).isEqualTo("xoxb-" + team);
    }

    @Test
    void plaintextOfAnEarlierVersionIsReadAndSealedInPlaceAtStartup() {
        String team = SlackTestSupport.slackId('T');
        String user = SlackTestSupport.slackId('U');
        String botKey = "handoff:slack:bot:-:" + team;
        String installerKey = "handoff:slack:installer:-:" + team + ":" + user;
        redis.set(botKey, JsonOps.toJsonString(bot(team))); // what the previous version stored
        redis.set(installerKey, JsonOps.toJsonString(installer(team, user)));
        redis.sadd("handoff:slack:installers:-:" + team, user);
        assertThat(installations.findBot(null, team).getBotAccessToken()).isEqualTo("xoxb-" + team);

        RedisInstallationService.Migration migration = installations.sealStoredInstallations();

        assertThat(migration.sealed()).isGreaterThanOrEqualTo(2);
        assertThat(redis.get(botKey)).startsWith("v1:").doesNotContain("xoxb-");
        assertThat(redis.get(installerKey)).startsWith("v1:").doesNotContain("xoxb-").doesNotContain("xoxp-");
        assertThat(redis.smembers("handoff:slack:installers:-:" + team)).containsExactly(user);
        assertThat(installations.findBot(null, team).getBotAccessToken()).isEqualTo("xoxb-" + team);
        assertThat(installations.findInstaller(null, team, user).getInstallerUserAccessToken()).isEqualTo("xoxp-" + user);
        assertThat(installations.sealStoredInstallations().sealed()).as("a second start has nothing left").isZero();
    }

    @Test
    void theMigrationNeverOverwritesAValueSavedMeanwhile() {
        String team = SlackTestSupport.slackId('T');
        String key = "handoff:slack:bot:-:" + team;
        String plaintext = JsonOps.toJsonString(bot(team));
        redis.set(key, plaintext);
        installations.saveBot(bot(team)); // a fresh install between the migration's read and its write
        String saved = redis.get(key);

        assertThat(installations.replaceIfUnchanged(key, plaintext, "v1:stale")).isFalse();
        assertThat(redis.get(key)).isEqualTo(saved);
        assertThat(installations.replaceIfUnchanged(key, saved, "v1:next")).isTrue();
        assertThat(redis.get(key)).isEqualTo("v1:next");
    }

    @Test
    void aValueSealedWithAnUnknownKeyIsNoInstallationAndOneLogLine(CapturedOutput output) {
        String team = SlackTestSupport.slackId('T');
        EncryptionKey lost = EncryptionKey.generate();
        new RedisInstallationService(redis, new SecretBox(lost, List.of())).saveBot(bot(team));

        assertThat(installations.findBot(null, team)).isNull();
        assertThat(installations.findBot(null, team)).isNull();
        assertThat(installations.findInstaller(null, team, "U0NOBODY")).isNull();

        String line = "handoff:slack:bot:-:" + team + " cannot be decrypted (key id " + lost.id() + ")";
        assertThat(output.getAll()).contains(line).contains("sealed with key id " + lost.id());
        assertThat(output.getAll().split(java.util.regex.Pattern.quote(line), -1)).as("logged once").hasSize(2);
        assertThat(installations.sealStoredInstallations().unreadable()).isGreaterThanOrEqualTo(1);
        assertThat(redis.get("handoff:slack:bot:-:" + team)).as("an unreadable value is left as it is")
                .startsWith("v1:" + lost.id() + ":");
    }

    private static Bot bot(String team) {
        DefaultBot bot = new DefaultBot();
        bot.setAppId("A0HANDOFF");
        bot.setTeamId(team);
        bot.setBotUserId("UBOT" + team);
        bot.setBotId("B" + team);
        bot.setBotAccessToken("xoxb-" + team);
        bot.setBotRefreshToken("xoxe-1-" + team);
        bot.setScope(SlackConfiguration.SCOPES);
        return bot;
    }

    private static Installer installer(String team, String user) {
        DefaultInstaller installer = new DefaultInstaller();
        installer.setAppId("A0HANDOFF");
        installer.setTeamId(team);
        installer.setInstallerUserId(user);
        installer.setInstallerUserAccessToken("xoxp-" + user);
        installer.setBotUserId("UBOT" + team);
        installer.setBotId("B" + team);
        installer.setBotAccessToken("xoxb-" + team);
        installer.setBotRefreshToken("xoxe-1-" + team);
        installer.setBotScope(SlackConfiguration.SCOPES);
        return installer;
    }
}
