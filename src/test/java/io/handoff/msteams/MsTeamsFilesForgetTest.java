package io.handoff.msteams;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.handoff.chat.Attachment;
import io.handoff.graph.PersonId;
import io.handoff.graph.TenantId;
import io.handoff.map.MapLinks;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.UnifiedJedis;

/** MsTeamsFiles on the real Redis: which files are noted as a person's, and what forget-me erases. */
class MsTeamsFilesForgetTest {
    private static final URI PUBLIC_URL = URI.create("https://handoff.example");
    private final UnifiedJedis redis = TestRedis.client();
    private final MsTeamsFiles files = new MsTeamsFiles(redis,
            new MapLinks("a-test-secret-of-enough-length-0123456789".getBytes(StandardCharsets.UTF_8),
                    Clock.systemUTC(), Duration.ofHours(24), PUBLIC_URL), PUBLIC_URL, Clock.systemUTC());
    private final TenantId tenant = TestRedis.uniqueTenant();
    private final PersonId ana = PersonId.of("ana");

    @Test
    void bytesRoundTripThroughTheScriptAndOnlyThePersonsFilesAreErased() {
        byte[] everyByte = new byte[256 * 64];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        String anas = token(files.store(tenant, Optional.of(ana), new Attachment("a.bin", "application/octet-stream",
                everyByte, null)));
        String channel = token(files.store(tenant, Optional.empty(), new Attachment("c.png", "image/png",
                everyByte, null)));
        assertThat(files.open(anas).orElseThrow().content()).isEqualTo(everyByte);
        assertThat(redis.scard(MsTeamsFiles.indexKey(tenant, ana))).isEqualTo(1);
        assertThat(MsTeamsFiles.countOf(redis, tenant, ana)).isEqualTo(1);

        assertThat(MsTeamsFiles.forget(redis, tenant, ana)).isTrue();

        assertThat(files.open(anas)).isEmpty();
        assertThat(redis.exists(MsTeamsFiles.indexKey(tenant, ana))).isFalse();
        assertThat(files.open(channel).orElseThrow().content()).isEqualTo(everyByte); // a team channel's post stays
        assertThat(MsTeamsFiles.forget(redis, tenant, ana)).isFalse();
    }

    @Test
    void anIndexNamingOnlyExpiredFilesIsErasedAndCountsNothing() {
        String token = token(files.store(tenant, Optional.of(ana), new Attachment("a.json", "application/json",
                new byte[20_000], null)));
        redis.keys("handoff:{" + tenant.value() + "}:file:*").forEach(redis::del); // the file expired
        assertThat(files.open(token)).isEmpty();
        assertThat(MsTeamsFiles.countOf(redis, tenant, ana)).isZero();

        assertThat(MsTeamsFiles.forget(redis, tenant, ana)).isFalse();
        assertThat(redis.exists(MsTeamsFiles.indexKey(tenant, ana))).isFalse();
    }

    private static String token(URI link) {
        String path = link.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
