package io.handoff.playground;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import io.handoff.graph.Refusal;

/**
 * The playground's time: real time plus an offset that only moves forward, so scheduled polls, stories and nudges
 * due in two weeks can fire now. It is the application's clock while the playground is on (the scheduler, the
 * delivery rules and the conversation all read it); it is never used with a real tenant. Each move is saved with the
 * demo data ({@link DemoClockStore}), so a restart goes on from the demo time the data was made in, never back.
 */
final class DemoClock extends Clock {
    static final Duration MAX_STEP = Duration.ofDays(31);

    private final Clock real;
    private final AtomicLong offsetMillis;
    private final LongConsumer saveOffset;

    /** A clock that starts at real time and remembers nothing. */
    DemoClock(Clock real) {
        this(real, Duration.ZERO, offset -> { });
    }

    /** A clock {@code offset} ahead of real time that hands every new offset (milliseconds) to {@code saveOffset}. */
    DemoClock(Clock real, Duration offset, LongConsumer saveOffset) {
        this.real = real;
        this.offsetMillis = new AtomicLong(Math.max(0, offset.toMillis()));
        this.saveOffset = saveOffset;
    }

    @Override
    public Instant instant() {
        return real.instant().plusMillis(offsetMillis.get());
    }

    @Override
    public long millis() {
        return real.millis() + offsetMillis.get();
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        DemoClock demo = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return demo.withZone(other);
            }

            @Override
            public Instant instant() {
                return demo.instant();
            }
        };
    }

    /** Moves demo time forward by {@code step} (positive, at most {@link #MAX_STEP}). */
    Instant advance(Duration step) {
        if (step.isNegative() || step.isZero() || step.compareTo(MAX_STEP) > 0) {
            throw new Refusal("demo time moves forward by more than nothing and at most 31 days");
        }
        saveOffset.accept(offsetMillis.addAndGet(step.toMillis()));
        return instant();
    }

    /** Moves demo time forward to {@code moment} if it lies ahead; never backwards. */
    Instant advanceTo(Instant moment) {
        Instant now = instant();
        if (moment.isAfter(now)) {
            saveOffset.accept(offsetMillis.addAndGet(Duration.between(now, moment).toMillis()));
        }
        return instant();
    }

    Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }
}
