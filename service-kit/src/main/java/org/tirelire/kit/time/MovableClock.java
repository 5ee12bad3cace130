package org.tirelire.kit.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The time as a service's schedulers and deadlines see it, moved on request, like Stripe's test clocks: a
 * month of recurring charges in seconds. Only ever in place when the test clock is switched on
 * ({@code TIRELIRE_TEST_CLOCK_ENABLED=true}). {@link #advance} only moves forward; {@link #resetTo} puts it
 * at any offset from the real time (a demo starting its gifts months ago, a test leaving it as it found it).
 */
public class MovableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public MovableClock(Clock base, Duration offset) {
        this.base = base;
        this.offset = new AtomicReference<>(offset);
    }

    /** @return the offset now in force */
    public Duration advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        return offset.updateAndGet(current -> current.plus(by));
    }

    /** Puts the clock back to this offset: for tests that share one clock and must leave it as they found it. */
    public void resetTo(Duration offset) {
        this.offset.set(offset);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(base.withZone(zone), offset.get());
    }
}
