package io.handoff.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.handoff.testing.TestRedis;
import redis.clients.jedis.UnifiedJedis;

/** Issue 19, bug 7: demo time is kept with the demo data, so a restart never moves it back. */
class DemoClockStoreTest {
    private static final Instant REAL = Instant.parse("2026-12-01T10:00:00Z");

    private final UnifiedJedis redis = TestRedis.client();
    private final DemoClockStore store = new DemoClockStore(redis);

    @BeforeEach
    @AfterEach
    void noStoredOffset() {
        redis.del(DemoClockStore.key());
    }

    private DemoClock startedAt(Instant real) {
        return new DemoClock(Clock.fixed(real, ZoneOffset.UTC), store.offset(), store::save);
    }

    @Test
    void aRestartGoesOnFromTheDemoTimeTheDataWasMadeIn() {
        DemoClock before = startedAt(REAL);
        assertThat(before.instant()).isEqualTo(REAL);
        before.advance(Duration.ofDays(7));
        before.advanceTo(REAL.plus(Duration.ofDays(8)));

        DemoClock afterRestart = startedAt(REAL.plus(Duration.ofHours(1)));

        assertThat(afterRestart.instant()).isEqualTo(REAL.plus(Duration.ofDays(8)).plus(Duration.ofHours(1)));
        assertThat(redis.get(DemoClockStore.key())).isEqualTo(Long.toString(Duration.ofDays(8).toMillis()));
    }

    @Test
    void withoutDemoDataOrWithAnUnreadableOffsetDemoTimeStartsAtRealTime() {
        assertThat(startedAt(REAL).instant()).isEqualTo(REAL);
        redis.set(DemoClockStore.key(), "next tuesday");
        assertThat(startedAt(REAL).instant()).isEqualTo(REAL);
        redis.set(DemoClockStore.key(), "-5000");
        assertThat(startedAt(REAL).instant()).isEqualTo(REAL);
    }
}
