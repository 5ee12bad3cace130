package org.tirelire.donation.admission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Takes no more gifts than the platform confirms and counts in time (ADR 39). The measure is the
 * confirmation lag: from a gift's confirmation here to its event heard back from Kafka, the path every
 * campaign total and live feed waits on. While it grows past the target for a second and gifts are what
 * loads the machine, the gifts admitted per second are cut by a tenth each half second; while it is under the target,
 * the limit rises again by a twentieth, and goes once it no longer binds. A gift over the limit is refused at
 * once, before anything is read or written, and the donor's page sends it again with the same key.
 *
 * <p>On unless {@code tirelire.donations.admission.enabled} is false: on two cores, at twice the rate the
 * machine confirms in time, it keeps the thermometer a few seconds late instead of half a minute
 * (docs/performance.md).
 *
 * <p>No confirmation heard means no measure: with Kafka away, gifts are still taken and wait in their
 * outboxes, as they always have, and a limit left from before goes after a minute without one
 * (not sooner: under overload, the consumer that hears them may itself be starved for seconds).
 */
@Component
public class GiftAdmission implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GiftAdmission.class);

    /** Each half second late and not catching up, the limit becomes this share of the gifts admitted. */
    static final double DECREASE = 0.9;

    /** Each half second on time, the limit grows by this much (and one gift a second). */
    static final double INCREASE = 1.05;

    /** Below this rate, gifts are not what makes confirmations late: shedding them would not help. */
    static final double LOWEST_LIMIT = 30;

    /**
     * Windows in a row late and busy before any gift is shed: a burst of a second (a page's visitors
     * pressing at once, a batch of events read again) is not an overload.
     */
    static final int LATE_WINDOWS_BEFORE_SHEDDING = 2;

    /** Windows in a row without a confirmation heard before the limit goes: without a measure, no limit. */
    static final int SILENT_WINDOWS_BEFORE_LIFTING = 120;

    /** Longer than this, it is not the lag of a busy moment. */
    private static final Duration NOT_A_LAG = Duration.ofMinutes(10);

    private final AdmissionProperties properties;
    private final long targetLagMillis;
    private final Counter shed;

    private final Object lock = new Object();
    /** Gifts per second admitted; infinite while nothing is shed. Guarded by {@link #lock}. */
    private double limit = Double.POSITIVE_INFINITY;

    private final LongSupplier nanoTime;
    private double permits;
    private long refilledAtNanos;
    private int admittedInWindow;
    private long windowStartedNanos;
    private final List<Long> lagsInWindow = new ArrayList<>();
    private long previousLagMillis;
    private int lateWindows;
    private int silentWindows;
    private ScheduledExecutorService windows;
    private final Clock clock;

    @Autowired
    GiftAdmission(AdmissionProperties properties, MeterRegistry registry, Clock clock) {
        this(properties, registry, clock, System::nanoTime);
    }

    /** @param nanoTime the monotonic time of windows and permits ({@link System#nanoTime()}) */
    GiftAdmission(AdmissionProperties properties, MeterRegistry registry, Clock clock, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.refilledAtNanos = nanoTime.getAsLong();
        this.windowStartedNanos = refilledAtNanos;
        this.properties = properties;
        this.targetLagMillis = properties.targetLag().toMillis();
        this.clock = clock;
        this.shed = Counter.builder("tirelire.gifts.shed")
                .description("Gifts refused with 503 and Retry-After while confirmations ran late")
                .register(registry);
        Gauge.builder("tirelire.gifts.admission.limit", this, GiftAdmission::limitOrMinusOne)
                .description("Gifts per second admitted while shedding; -1 when nothing is shed")
                .register(registry);
    }

    /** Whether this gift may be taken now; a refusal is counted. */
    public boolean admit() {
        if (!properties.enabled()) {
            return true;
        }
        synchronized (lock) {
            admittedInWindow++;
            if (limit == Double.POSITIVE_INFINITY) {
                return true;
            }
            long now = nanoTime.getAsLong();
            permits = Math.min(burst(), permits + (now - refilledAtNanos) / 1e9 * limit);
            refilledAtNanos = now;
            if (permits >= 1) {
                permits -= 1;
                return true;
            }
            admittedInWindow--;
        }
        shed.increment();
        return false;
    }

    /** Gifts per second admitted while gifts are shed; empty while every gift is taken. */
    public OptionalDouble limit() {
        if (!properties.enabled()) {
            return OptionalDouble.empty(); // asked on every gift: no lock while nothing can be shed
        }
        synchronized (lock) {
            return limit == Double.POSITIVE_INFINITY ? OptionalDouble.empty() : OptionalDouble.of(limit);
        }
    }

    /** A gift's confirmation, confirmed at {@code confirmedAt}, has just been heard back from Kafka. */
    public void confirmationHeard(Instant confirmedAt) {
        if (!properties.enabled()) {
            return;
        }
        long lagMillis = Duration.between(confirmedAt, clock.instant()).toMillis();
        if (lagMillis > NOT_A_LAG.toMillis()) {
            return; // an old event read again, or the test clock moved on: nothing gifts coming now change
        }
        synchronized (lock) {
            lagsInWindow.add(Math.max(0, lagMillis));
        }
    }

    /**
     * Looks at the last window's lag and moves the limit, on a thread of its own: the shared scheduler's
     * tasks (the outbox sweep, recurring charges) run longest exactly when the limit must move.
     */
    @Override
    public void start() {
        if (!properties.enabled()) {
            return; // nothing to measure, no thread
        }
        long every = properties.window().toMillis();
        windows = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "gift-admission");
            thread.setDaemon(true);
            return thread;
        });
        windows.scheduleWithFixedDelay(this::adjust, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (windows != null) {
            windows.shutdownNow();
            windows = null;
        }
    }

    @Override
    public boolean isRunning() {
        return windows != null;
    }

    void adjust() {
        synchronized (lock) {
            long now = nanoTime.getAsLong();
            double admittedPerSecond = admittedInWindow / Math.max(1e-3, (now - windowStartedNanos) / 1e9);
            long lag = percentile90(lagsInWindow);
            boolean heardAny = !lagsInWindow.isEmpty();
            admittedInWindow = 0;
            windowStartedNanos = now;
            lagsInWindow.clear();
            if (!heardAny) {
                // Nothing heard for a while (Kafka away, no gift any more, this instance's partitions gone
                // to another): no measure, so no limit either.
                if (++silentWindows >= SILENT_WINDOWS_BEFORE_LIFTING && limit != Double.POSITIVE_INFINITY) {
                    limit = Double.POSITIVE_INFINITY;
                    log.info("No confirmation heard for a while: every gift is taken");
                }
                return;
            }
            silentWindows = 0;
            boolean lateUnderLoad = lag > targetLagMillis && admittedPerSecond >= LOWEST_LIMIT;
            lateWindows = lateUnderLoad ? lateWindows + 1 : 0;
            if (lateUnderLoad && lag >= previousLagMillis && lateWindows >= LATE_WINDOWS_BEFORE_SHEDDING) {
                double lowered = Math.max(LOWEST_LIMIT, Math.min(limit, admittedPerSecond) * DECREASE);
                if (limit == Double.POSITIVE_INFINITY) {
                    log.warn(
                            "Confirmations run {} ms late (target {} ms): taking at most {} gifts/s, the others are asked to come back in a moment",
                            lag,
                            targetLagMillis,
                            Math.round(lowered));
                    permits = 0;
                    refilledAtNanos = now;
                }
                limit = lowered;
            } else if (lag < targetLagMillis && limit != Double.POSITIVE_INFINITY) {
                if (admittedPerSecond < limit / 2) {
                    limit = Double.POSITIVE_INFINITY; // it no longer binds
                    log.info("Confirmations are on time again ({} ms): every gift is taken", lag);
                } else {
                    limit = limit * INCREASE + 1;
                }
            }
            previousLagMillis = lag;
        }
    }

    /** Half a second of gifts at the limit may come at once: a page's burst is not refused for its shape. */
    private double burst() {
        return Math.max(1, limit / 2);
    }

    private double limitOrMinusOne() {
        return limit().orElse(-1);
    }

    /** Sorts the window's lags in place: they are cleared right after. */
    private static long percentile90(List<Long> lags) {
        if (lags.isEmpty()) {
            return 0;
        }
        Collections.sort(lags);
        return lags.get((int) Math.floor(0.9 * (lags.size() - 1)));
    }
}
