package org.tirelire.kit.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Something published a moment ago (a campaign, a collection page) may not have reached our local
 * copy yet: look again for a short while before saying it does not exist, so a donor who follows a
 * link right after publication is not turned away.
 */
public final class RecentlyPublished {

    private static final Duration POLL = Duration.ofMillis(50);

    private RecentlyPublished() {}

    public static <T> Optional<T> find(Supplier<Optional<T>> lookup, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (true) {
            Optional<T> found = lookup.get();
            if (found.isPresent() || System.nanoTime() > deadline) {
                return found;
            }
            try {
                // Polling our own database: the event may be consumed by another instance.
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
