package io.handoff.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.handoff.redis.RedisClientFactory;
import io.handoff.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import redis.clients.jedis.UnifiedJedis;

/** The Redis round-trip timer and up gauge, against a real redis-server and against a port where none listens. */
class RedisRoundTripTest {

    @Test
    void aPingThatIsAnsweredIsTimedAndCountsAsUp() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RedisRoundTrip probe = new RedisRoundTrip(TestRedis.client(), Duration.ofSeconds(10), meters);

        assertThat(probe.ping()).isTrue();
        assertThat(probe.ping()).isTrue();

        assertThat(meters.get(RedisRoundTrip.ROUND_TRIP).timer().count()).isEqualTo(2);
        assertThat(meters.get(RedisRoundTrip.UP).gauge().value()).isEqualTo(1);
    }

    @Test
    void aRedisThatDoesNotAnswerIsDownAndItsFailuresAreNotTimed() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (UnifiedJedis nowhere = RedisClientFactory.create("redis://127.0.0.1:9", Duration.ofMillis(200), 1)) {
            RedisRoundTrip probe = new RedisRoundTrip(nowhere, Duration.ofSeconds(10), meters);

            assertThat(probe.ping()).isFalse();
        }
        assertThat(meters.get(RedisRoundTrip.UP).gauge().value()).isZero();
        assertThat(meters.get(RedisRoundTrip.ROUND_TRIP).timer().count()).isZero();
    }
}
