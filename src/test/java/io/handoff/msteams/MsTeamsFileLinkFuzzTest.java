package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.handoff.chat.Attachment;
import io.handoff.graph.TenantId;
import io.handoff.map.MapLinks;
import io.handoff.testing.TestRedis;

/**
 * Fuzzes the tokens of Teams file links ({@code GET /files/{token}}, {@code MsTeamsFiles.open}): a token from outside
 * (random, or a payload signed with the right key) opens a file, finds it gone, or is refused with
 * {@code InvalidFileLink} (403), nothing else; a link made by {@code store} opens its file.
 */
class MsTeamsFileLinkFuzzTest {
    private static final byte[] KEY = "file-link-fuzz-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
    private final MapLinks signer = new MapLinks(KEY, CLOCK, Duration.ofDays(7), URI.create("https://handoff.test"));
    private final MsTeamsFiles files = new MsTeamsFiles(TestRedis.client(), signer, URI.create("https://handoff.test"),
            CLOCK);
    private final TenantId tenant = TestRedis.uniqueTenant();

    @FuzzTest(maxExecutions = 5_000)
    void opensOrRefuses(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 2)) {
            case 0 -> {
                byte[] content = data.consumeBytes(64);
                URI link = files.store(tenant, Optional.empty(), new Attachment("a.png", "image/png", content, "A picture"));
                String token = link.getPath().substring("/files/".length());
                assertThat(files.open(token)).hasValueSatisfying(file -> assertThat(file.content()).isEqualTo(content));
            }
            case 1 -> open(signed(data.consumeRemainingAsString()));
            default -> open(data.consumeRemainingAsString());
        }
    }

    private String signed(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + signer.signature(payload);
    }

    private void open(String token) {
        try {
            files.open(token);
        } catch (MsTeamsFiles.InvalidFileLink refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
