package io.handoff.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.handoff.graph.TenantId;
import io.handoff.testing.TestRedis;
import redis.clients.jedis.UnifiedJedis;

/** The claim-once helper against the real redis-server. */
class ClaimOnceTest {
    private final UnifiedJedis redis = TestRedis.client();
    private final ClaimOnce claims = new ClaimOnce(redis);
    private final TenantId tenant = TestRedis.uniqueTenant();

    private String key(String name) {
        return "handoff:{" + tenant.value() + "}:claim-test:" + name;
    }

    @Test
    void theFirstClaimWinsAndASecondIsRefused() {
        Optional<ClaimOnce.Claim> first = claims.claim(key("post"), "opening", Duration.ofMinutes(5));
        Optional<ClaimOnce.Claim> second = claims.claim(key("post"), "other", Duration.ofMinutes(5));

        assertThat(first).contains(new ClaimOnce.Claim(key("post"), "opening"));
        assertThat(second).isEmpty();
        assertThat(redis.get(key("post"))).isEqualTo("opening");
        assertThat(claims.holder(key("post"))).contains("opening");
        assertThat(redis.ttl(key("post"))).isBetween(295L, 300L);
    }

    @Test
    void releasingAFailedAttemptLetsARetryClaimIt() {
        ClaimOnce.Claim first = claims.claim(key("retry"), "t1", Duration.ofMinutes(5)).orElseThrow();

        assertThat(claims.release(first)).isTrue();

        assertThat(redis.exists(key("retry"))).isFalse();
        assertThat(claims.claim(key("retry"), "t2", Duration.ofMinutes(5))).isPresent();
    }

    @Test
    void aReleaseLeavesANewerClaimOfTheSameWorkAlone() {
        ClaimOnce.Claim old = claims.claim(key("newer"), "t1", Duration.ofMillis(50)).orElseThrow();
        redis.del(key("newer")); // as if it had expired
        claims.claim(key("newer"), "t2", Duration.ofMinutes(5)).orElseThrow();

        assertThat(claims.release(old)).isFalse();

        assertThat(redis.get(key("newer"))).isEqualTo("t2");
    }

    @Test
    void aClaimExpiresAndCanThenBeClaimedAgain() throws InterruptedException {
        claims.claim(key("expiry"), "t1", Duration.ofMillis(150)).orElseThrow();
        assertThat(redis.pttl(key("expiry"))).isBetween(1L, 150L);
        assertThat(claims.claim(key("expiry"), "t2", Duration.ofMillis(150))).isEmpty();

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (redis.exists(key("expiry")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(claims.claim(key("expiry"), "t3", Duration.ofMinutes(1))).isPresent();
        assertThat(redis.get(key("expiry"))).isEqualTo("t3");
    }

    @Test
    void settlingKeepsTheExpiryAndAReleaseThenNeedsTheSettledValue() {
        ClaimOnce.Claim opening = claims.claim(key("settle"), "opening", Duration.ofDays(30)).orElseThrow();

        ClaimOnce.Claim settled = claims.settle(opening, "C123").orElseThrow();

        assertThat(claims.holder(key("settle"))).contains("C123");
        assertThat(redis.ttl(key("settle"))).isBetween(Duration.ofDays(30).toSeconds() - 5,
                Duration.ofDays(30).toSeconds());
        assertThat(claims.release(opening)).as("the opening marker is no longer what it holds").isFalse();
        assertThat(claims.release(settled)).isTrue();
        assertThat(claims.settle(settled, "C999")).as("nothing to settle once released").isEmpty();
        assertThat(redis.exists(key("settle"))).isFalse();
    }

    @Test
    void renewingExtendsALongClaimAndForgettingDropsItWhoeverHoldsIt() {
        ClaimOnce.Claim claim = claims.claim(key("renew"), "t1", Duration.ofSeconds(10)).orElseThrow();

        claims.renew(claim, Duration.ofMinutes(30));
        assertThat(redis.pttl(key("renew"))).isGreaterThan(Duration.ofMinutes(29).toMillis());

        claims.forget(key("renew"));
        assertThat(redis.exists(key("renew"))).isFalse();
    }

    @Test
    void aClaimNeedsAPositiveDuration() {
        assertThatThrownBy(() -> claims.claim(key("zero"), "t", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(redis.exists(key("zero"))).isFalse();
    }
}
