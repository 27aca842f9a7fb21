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
import io.handoff.graph.TenantId;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/** Issue 19, bug 7: demo time is kept with the demo data, so a restart never moves it back. */
class DemoClockStoreTest {
    private static final Instant REAL = Instant.parse("2026-12-01T10:00:00Z");

    private final UnifiedJedis redis = TestRedis.client();
    private final DemoClockStore store = new DemoClockStore(redis);

    @BeforeEach
    @AfterEach
    void noStoredOffset() {
        for (TenantId tenant : List.of(DEPOT, WARD, TenantId.of("demo"))) {
            redis.del(DemoClockStore.key(tenant));
        }
    }

    private static final TenantId DEPOT = io.handoff.demo.DemoStory.DEPOT.tenant();
    private static final TenantId WARD = io.handoff.demo.DemoStory.WARD.tenant();

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
        assertThat(redis.get(DemoClockStore.key(DEPOT))).isEqualTo(Long.toString(Duration.ofDays(8).toMillis()));
        assertThat(redis.get(DemoClockStore.key(WARD))).as("kept beside both stories' data")
                .isEqualTo(Long.toString(Duration.ofDays(8).toMillis()));
    }

    /** Two stories, one clock: it goes on from the furthest, so neither story's data is dated after "now". */
    @Test
    void aRestartGoesOnFromTheFurthestStoryAndFromTheEarlierSingleDemoTenant() {
        redis.set(DemoClockStore.key(DEPOT), Long.toString(Duration.ofDays(3).toMillis()));
        redis.set(DemoClockStore.key(WARD), Long.toString(Duration.ofDays(9).toMillis()));
        assertThat(startedAt(REAL).instant()).isEqualTo(REAL.plus(Duration.ofDays(9)));
        redis.set(DemoClockStore.key(TenantId.of("demo")), Long.toString(Duration.ofDays(12).toMillis()));
        assertThat(startedAt(REAL).instant()).isEqualTo(REAL.plus(Duration.ofDays(12)));
    }

    @Test
    void withoutDemoDataOrWithAnUnreadableOffsetDemoTimeStartsAtRealTime() {
        assertThat(startedAt(REAL).instant()).isEqualTo(REAL);
        redis.set(DemoClockStore.key(DEPOT), "next tuesday");
        assertThat(startedAt(REAL).instant()).isEqualTo(REAL);
        redis.set(DemoClockStore.key(DEPOT), "-5000");
        assertThat(startedAt(REAL).instant()).isEqualTo(REAL);
    }
}
