package org.tirelire.local.process;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When to start again a part that exited: after 1 s, then 2, 4, 8… up to 30 s between tries, counting the
 * restarts of the last five minutes; a part restarted five times within five minutes is left stopped,
 * since restarting does not fix what stops it.
 */
public record RestartPolicy(int maxRestarts, Duration window, Duration firstDelay, Duration maxDelay) {

    public static final RestartPolicy DEFAULT =
            new RestartPolicy(5, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(30));

    /**
     * @param restarts when the part was restarted before, oldest first
     * @return how long to wait before the next restart, or empty to give up
     */
    public Optional<Duration> nextDelay(List<Instant> restarts, Instant now) {
        long recent =
                restarts.stream().filter(at -> at.isAfter(now.minus(window))).count();
        if (recent >= maxRestarts) {
            return Optional.empty();
        }
        Duration delay = firstDelay.multipliedBy(1L << Math.min(recent, 20));
        return Optional.of(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }
}
