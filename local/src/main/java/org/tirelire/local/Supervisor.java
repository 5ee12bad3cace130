package org.tirelire.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tirelire.local.process.ChildProcess;
import org.tirelire.local.process.ProcessSignals;
import org.tirelire.local.process.RestartPolicy;

/**
 * Keeps what {@code ./tirelire up} started running: every second it looks at each part, and one that
 * exited (a crash, {@code kill -9}, out of memory) is started again after the {@link RestartPolicy}'s
 * delay, the restart logged (on the launcher's console) and counted in the status file ({@code ./tirelire
 * status}). A part restarted five times within five minutes is left stopped, and {@code say} tells it
 * loudly.
 */
public final class Supervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final LocalPlatform platform;
    private final RestartPolicy policy;
    private final Consumer<String> say;
    private final Clock clock;
    private final PlatformStatus status;
    private final Map<String, List<Instant>> restarts = new ConcurrentHashMap<>();
    private final Map<String, Instant> restartDue = new ConcurrentHashMap<>();
    private final Set<String> restarting = ConcurrentHashMap.newKeySet();
    private final Set<String> givenUp = ConcurrentHashMap.newKeySet();
    /** A part paused this long was left so by a backup that ended half-way (ADR 37). */
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);

    private final Map<String, Instant> pausedSince = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watch =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "tirelire-supervisor"));
    private final ExecutorService restarter = Executors.newCachedThreadPool(r -> daemon(r, "tirelire-restart"));

    Supervisor(LocalPlatform platform, RestartPolicy policy, Consumer<String> say, Clock clock) {
        this.platform = platform;
        this.policy = policy;
        this.say = say;
        this.clock = clock;
        this.status = new PlatformStatus(platform.dataDir());
    }

    Supervisor start() {
        status.write(platform, restartCounts(), givenUp);
        watch.scheduleWithFixedDelay(this::look, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    /** How many times each part was restarted since the platform started. */
    public Map<String, Integer> restartCounts() {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        restarts.forEach((part, times) -> counts.put(part, times.size()));
        return counts;
    }

    /** The parts left stopped after too many restarts. */
    public Set<String> givenUp() {
        return Set.copyOf(givenUp);
    }

    private void look() {
        try {
            for (String part : platform.partNames()) {
                if (platform.isStopping()) {
                    return;
                }
                Optional<ChildProcess> process = platform.part(part);
                if (process.isPresent() && process.get().isAlive()) {
                    resumeIfPausedTooLong(part, process.get());
                    continue;
                }
                if (process.isEmpty() || givenUp.contains(part) || restarting.contains(part)) {
                    continue;
                }
                exited(part, process.get());
            }
        } catch (RuntimeException unexpected) {
            log.error("The supervisor's look at the platform failed; it looks again in a second", unexpected);
        }
    }

    /**
     * A backup pauses Kafka for a moment (ADR 37); one killed in that moment cannot resume it, and a paused
     * process looks alive. Past {@link #LONGEST_PAUSE} it is resumed here.
     */
    private void resumeIfPausedTooLong(String part, ChildProcess process) {
        if (!ProcessSignals.isPaused(process.pid())) {
            pausedSince.remove(part);
            return;
        }
        Instant since = pausedSince.computeIfAbsent(part, paused -> clock.instant());
        if (Duration.between(since, clock.instant()).compareTo(LONGEST_PAUSE) > 0) {
            pausedSince.remove(part);
            try {
                ProcessSignals.resume(process.pid());
                String resumed = "!!! " + part + " was paused for over " + LONGEST_PAUSE.toSeconds()
                        + " s (a backup stopped half-way?): resumed";
                say.accept(resumed);
                log.warn(resumed);
            } catch (java.io.IOException cannotResume) {
                log.warn("{} is paused and could not be resumed: {}", part, cannotResume.getMessage());
            }
        }
    }

    private void exited(String part, ChildProcess process) {
        Instant now = clock.instant();
        Instant due = restartDue.get(part);
        if (due == null) {
            List<Instant> before = restarts.getOrDefault(part, List.of());
            Optional<Duration> delay = policy.nextDelay(before, now);
            if (delay.isEmpty()) {
                givenUp.add(part);
                String gaveUp = "!!! " + part + " stopped " + (before.size() + 1) + " times, restarted "
                        + policy.maxRestarts() + " times within "
                        + policy.window().toMinutes()
                        + " minutes: it is left stopped. Its log: " + process.logFile();
                say.accept(gaveUp);
                log.error(gaveUp);
                status.write(platform, restartCounts(), givenUp);
                return;
            }
            restartDue.put(part, now.plus(delay.get()));
            String exit = process.exitCode().isPresent()
                    ? " with code " + process.exitCode().getAsInt()
                    : "";
            log.warn("{} exited{}; restarting it in {}", part, exit, delay.get());
            return;
        }
        if (now.isBefore(due)) {
            return;
        }
        restartDue.remove(part);
        restarting.add(part);
        // Read from other threads (the restarts, the status file, a test): a list safe to read while added to.
        restarts.computeIfAbsent(part, p -> new CopyOnWriteArrayList<>()).add(now);
        restarter.execute(() -> restart(part));
    }

    private void restart(String part) {
        try {
            platform.restart(part);
            int count = restarts.get(part).size();
            log.info("{} restarted and ready (restart {})", part, count);
        } catch (Exception failed) {
            log.warn("{} did not come back: {}", part, failed.toString());
        } finally {
            restarting.remove(part);
            status.write(platform, restartCounts(), givenUp);
        }
    }

    @Override
    public void close() {
        watch.shutdownNow();
        restarter.shutdownNow();
    }

    private static Thread daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }
}
