package io.handoff.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import redis.clients.jedis.UnifiedJedis;

/**
 * Makes the application's Redis client one that records its round trips ({@link #RECORDER}): {@code @Import} it into
 * a {@code @SpringBootTest}. Tests sharing it read their own round trips by a {@link RoundTripRecorder#mark} and the
 * thread that made them.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedRedis {
    public static final RoundTripRecorder RECORDER = new RoundTripRecorder();

    @Bean(destroyMethod = "close")
    @Primary
    UnifiedJedis recordedRedis() {
        return RECORDER.client();
    }
}
