package org.tirelire.kit.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Copies of documents this service reads on every gift (a campaign's snapshot, whether any webhook
 * exists), kept in memory for a short time so that a busy campaign costs one read every few seconds
 * rather than one per gift. The replica that changes a document says so with {@link #put}, and reads its
 * change at once; other replicas see it within the time given (ADR 38).
 *
 * <p>A read that started before a change was put never hides the change, whichever ends last.
 */
public final class RecentReads<K, V> {

    /** Past this many keys, the copies start again: a bound on memory, not a tuning knob. */
    private static final int MAX_KEPT = 10_000;

    private final long keepNanos;
    private final Map<K, Kept<V>> kept = new ConcurrentHashMap<>();

    /** A copy read from {@code readFromNanos} on; a null value marks a key forgotten then. */
    private record Kept<V>(V value, long readFromNanos) {}

    /** @param keepFor how long a copy answers; zero reads the store every time */
    public RecentReads(Duration keepFor) {
        this.keepNanos = keepFor.toNanos();
    }

    /** The copy kept for {@code key}, or what {@code read} finds, kept when found. */
    public Optional<V> get(K key, Function<K, Optional<V>> read) {
        Kept<V> copy = kept.get(key);
        long now = System.nanoTime();
        if (copy != null && copy.value() != null && now - copy.readFromNanos() < keepNanos) {
            return Optional.of(copy.value());
        }
        Optional<V> found = read.apply(key);
        found.ifPresent(value -> keep(key, value, now));
        return found;
    }

    /** The value just written for {@code key}: this replica answers from it at once. */
    public void put(K key, V value) {
        keep(key, value, System.nanoTime());
    }

    /** Forgets {@code key}: the next read goes to the store, and a read started before now is not kept. */
    public void forget(K key) {
        keep(key, null, System.nanoTime());
    }

    private void keep(K key, V value, long readFromNanos) {
        if (keepNanos <= 0) {
            return;
        }
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.compute(
                key,
                (k, earlier) -> earlier != null && earlier.readFromNanos() - readFromNanos >= 0
                        ? earlier
                        : new Kept<>(value, readFromNanos));
    }
}
