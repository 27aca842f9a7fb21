package io.handoff.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

class EncryptionKeysTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @TempDir
    Path data;

    @Test
    void theConfiguredKeySealsAndThePreviousOneOpens() {
        String sealedWithOld = new EncryptionKeys(new EncryptionProperties(OTHER, null), false, data)
                .required("Slack OAuth").seal("{}", "k");

        SecretBox box = new EncryptionKeys(new EncryptionProperties(KEY, OTHER), false, data).required("Slack OAuth");

        assertThat(box.currentKeyId()).isEqualTo(EncryptionKey.fromBase64("K", KEY).id());
        assertThat(box.open(sealedWithOld, "k")).isEqualTo("{}");
        assertThat(data).isEmptyDirectory();
    }

    @Test
    void aSharedRedisWithoutAKeyIsRefusedWithWhatToSet() {
        EncryptionKeys keys = new EncryptionKeys(new EncryptionProperties("", null), false, data);

        assertThat(keys.configured()).isEmpty();
        assertThatThrownBy(() -> keys.required("Slack OAuth (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)"))
                .isInstanceOf(MissingEncryptionKeyException.class)
                .hasMessageStartingWith("Slack OAuth (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET) stores secrets in Redis")
                .hasMessageContaining("Set HANDOFF_ENCRYPTION_KEY")
                .hasMessageContaining("`openssl rand -base64 32`");
        assertThat(data).isEmptyDirectory();
    }

    @Test
    void theFailureReportSaysWhatToSet() {
        MissingEncryptionKeyException missing = new MissingEncryptionKeyException("Slack OAuth");

        FailureAnalysis analysis = new MissingEncryptionKeyFailureAnalyzer()
                .analyze(new IllegalStateException("bean creation failed", missing));

        assertThat(analysis.getDescription()).contains("Slack OAuth").contains("HANDOFF_ENCRYPTION_KEY, which is not set");
        assertThat(analysis.getAction()).contains("openssl rand -base64 32").contains("HANDOFF_ENCRYPTION_KEY_PREVIOUS");
    }

    @Test
    void theEmbeddedRedisGetsADevelopmentKeyKeptInTheDataFolder() throws Exception {
        SecretBox first = new EncryptionKeys(new EncryptionProperties(null, null), true, data).required("Slack OAuth");
        String sealed = first.seal("{\"botAccessToken\":\"xoxb-dev\"}", "k");

        SecretBox afterRestart = new EncryptionKeys(new EncryptionProperties(null, null), true, data)
                .required("Slack OAuth");

        Path file = data.resolve("encryption.key");
        assertThat(afterRestart.currentKeyId()).isEqualTo(first.currentKeyId());
        assertThat(afterRestart.open(sealed, "k")).contains("xoxb-dev");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aPreviousKeyWithoutACurrentOneIsRefused() {
        assertThatThrownBy(() -> new EncryptionKeys(new EncryptionProperties(null, KEY), true, data))
                .hasMessageContaining("HANDOFF_ENCRYPTION_KEY_PREVIOUS is set without HANDOFF_ENCRYPTION_KEY");
    }
}
