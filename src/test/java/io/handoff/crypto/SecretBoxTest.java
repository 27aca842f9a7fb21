package io.handoff.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class SecretBoxTest {
    private static final EncryptionKey OLD = EncryptionKey.generate();
    private static final EncryptionKey NEW = EncryptionKey.generate();
    private static final String NAME = "handoff:slack:bot:-:T0001";
    private static final String TOKEN_JSON = "{\"botAccessToken\":\"xoxb-1-2-secret\"}";

    @Test
    void sealsToTheVersionedFormatAndOpensUnderTheSameName() {
        SecretBox box = new SecretBox(NEW, List.of());

        String sealed = box.seal(TOKEN_JSON, NAME);

        assertThat(sealed).startsWith("v1:" + NEW.id() + ":").doesNotContain("xoxb-");
        byte[] payload = Base64.getDecoder().decode(sealed.substring(("v1:" + NEW.id() + ":").length()));
        assertThat(payload).hasSize(12 + TOKEN_JSON.length() + 16); // nonce || ciphertext || tag
        assertThat(box.open(sealed, NAME)).isEqualTo(TOKEN_JSON);
        assertThat(box.sealedWithCurrentKey(sealed)).isTrue();
    }

    @Test
    void aFreshNoncePerValue() {
        SecretBox box = new SecretBox(NEW, List.of());

        String first = box.seal(TOKEN_JSON, NAME);
        String second = box.seal(TOKEN_JSON, NAME);

        byte[] firstNonce = Arrays.copyOf(Base64.getDecoder().decode(first.substring(12)), 12);
        byte[] secondNonce = Arrays.copyOf(Base64.getDecoder().decode(second.substring(12)), 12);
        assertThat(firstNonce).isNotEqualTo(secondNonce);
        assertThat(first).isNotEqualTo(second);
        assertThat(box.open(first, NAME)).isEqualTo(box.open(second, NAME));
    }

    @Test
    void aValueMovedToAnotherNameDoesNotOpen() {
        SecretBox box = new SecretBox(NEW, List.of());
        String sealed = box.seal(TOKEN_JSON, NAME);

        assertThatThrownBy(() -> box.open(sealed, "handoff:slack:bot:-:T0002"))
                .isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining("key id " + NEW.id())
                .satisfies(e -> assertThat(((UnreadableSecretException) e).keyId()).isEqualTo(NEW.id()));
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        SecretBox box = new SecretBox(NEW, List.of());
        String sealed = box.seal(TOKEN_JSON, NAME);
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);

        assertThatThrownBy(() -> box.open(altered, NAME)).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void rotationOpensWithThePreviousKeyAndSealsWithTheCurrentOne() {
        String sealedBefore = new SecretBox(OLD, List.of()).seal(TOKEN_JSON, NAME);
        SecretBox rotated = new SecretBox(NEW, List.of(OLD));

        assertThat(rotated.open(sealedBefore, NAME)).isEqualTo(TOKEN_JSON);
        assertThat(rotated.sealedWithCurrentKey(sealedBefore)).isFalse();
        assertThat(rotated.seal(TOKEN_JSON, NAME)).startsWith("v1:" + NEW.id() + ":");
        assertThat(NEW.id()).isNotEqualTo(OLD.id()).matches("[0-9a-f]{8}");
    }

    @Test
    void aValueOfAKeyNotConfiguredNamesItsKeyId() {
        String sealed = new SecretBox(OLD, List.of()).seal(TOKEN_JSON, NAME);

        assertThatThrownBy(() -> new SecretBox(NEW, List.of()).open(sealed, NAME))
                .isInstanceOf(UnreadableSecretException.class)
                .hasMessageContaining("sealed with key id " + OLD.id())
                .hasMessageContaining("HANDOFF_ENCRYPTION_KEY_PREVIOUS");
    }

    @Test
    void theKeyIdIsStableForTheSameKey() {
        String base64 = Base64.getEncoder().encodeToString(new byte[32]);

        assertThat(EncryptionKey.fromBase64("K", base64).id()).isEqualTo(EncryptionKey.fromBase64("K", base64).id());
        assertThat(EncryptionKey.fromBase64("K", base64).toString()).doesNotContain(base64);
    }

    @Test
    void aKeyOfTheWrongSizeOrNotBase64IsRefusedWithoutEchoingIt() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> EncryptionKey.fromBase64("HANDOFF_ENCRYPTION_KEY", short16))
                .hasMessageContaining("32 bytes").hasMessageContaining("openssl rand -base64 32")
                .hasMessageNotContaining(short16);
        assertThatThrownBy(() -> EncryptionKey.fromBase64("HANDOFF_ENCRYPTION_KEY", "not base64!"))
                .hasMessageContaining("HANDOFF_ENCRYPTION_KEY is not base64");
    }
}
