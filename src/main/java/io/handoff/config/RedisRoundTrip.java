package io.handoff.config;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import redis.clients.jedis.UnifiedJedis;

/**
 * Pings Redis in the background every {@code every}: the timer {@code handoff.redis.round_trip} holds the round trips
 * of the pings that were answered, and the gauge {@code handoff.redis.up} is 1 while the last ping was answered and 0
 * when it failed (the alert "Redis unreachable" watches it; the readiness probe already takes the pod out of
 * traffic).
 */
final class RedisRoundTrip implements SmartLifecycle {
    static final String ROUND_TRIP = "handoff.redis.round_trip";
    static final String UP = "handoff.redis.up";
    private static final Logger log = LoggerFactory.getLogger(RedisRoundTrip.class);

    private final UnifiedJedis redis;
    private final Duration every;
    private final Timer roundTrip;
    private final AtomicInteger up = new AtomicInteger(1);
    private ScheduledExecutorService pinger;

    RedisRoundTrip(UnifiedJedis redis, Duration every, MeterRegistry meters) {
        this.redis = redis;
        this.every = every;
        this.roundTrip = Timer.builder(ROUND_TRIP).description("round trip of a PING to Redis, every few seconds")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(5)).register(meters);
        Gauge.builder(UP, up, AtomicInteger::get).description("1 while Redis answers PING, 0 when it does not")
                .register(meters);
    }

    /** One ping: records its round trip and whether Redis answered. */
    boolean ping() {
        long started = System.nanoTime();
        try {
            boolean answered = "PONG".equals(redis.ping());
            if (answered) {
                roundTrip.record(Duration.ofNanos(System.nanoTime() - started));
            }
            set(answered);
            return answered;
        } catch (RuntimeException e) {
            set(false);
            return false;
        }
    }

    private void set(boolean answered) {
        int before = up.getAndSet(answered ? 1 : 0);
        if (before == 1 && !answered) {
            log.warn("Redis does not answer PING");
        } else if (before == 0 && answered) {
            log.info("Redis answers PING again");
        }
    }

    @Override
    public synchronized void start() {
        if (pinger == null) {
            pinger = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "handoff-redis-ping");
                thread.setDaemon(true);
                return thread;
            });
            pinger.scheduleWithFixedDelay(this::ping, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (pinger != null) {
            pinger.shutdownNow();
            pinger = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return pinger != null;
    }
}
