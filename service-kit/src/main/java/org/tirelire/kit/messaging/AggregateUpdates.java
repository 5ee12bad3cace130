package org.tirelire.kit.messaging;

import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.repository.CrudRepository;

/**
 * Loads an aggregate, lets the caller change it, and saves it under optimistic locking, trying again
 * from a fresh copy when another writer got there first. Wakes the outbox relay when the change
 * added events, so they leave at once rather than at the next sweep.
 */
public class AggregateUpdates {

    private static final int MAX_ATTEMPTS = 20;

    private final OutboxRelay outboxRelay;

    public AggregateUpdates(OutboxRelay outboxRelay) {
        this.outboxRelay = outboxRelay;
    }

    public <T extends OutboxAggregate, R> R update(
            CrudRepository<T, String> repository,
            String id,
            Supplier<? extends RuntimeException> notFound,
            Function<T, R> change) {
        return updateFrom(repository, repository.findById(id).orElseThrow(notFound), id, notFound, change);
    }

    /**
     * The same, starting from a copy the caller has just read or written, which saves reading it again;
     * a copy another writer has changed since is read afresh, as above.
     */
    public <T extends OutboxAggregate, R> R updateFrom(
            CrudRepository<T, String> repository,
            T latestCopy,
            String id,
            Supplier<? extends RuntimeException> notFound,
            Function<T, R> change) {
        T aggregate = latestCopy;
        for (int attempt = 1; ; attempt++) {
            int pendingBefore = aggregate.outbox().size();
            R result = change.apply(aggregate);
            try {
                repository.save(aggregate);
            } catch (OptimisticLockingFailureException concurrentWrite) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw concurrentWrite;
                }
                aggregate = repository.findById(id).orElseThrow(notFound);
                continue;
            }
            if (aggregate.outbox().size() > pendingBefore) {
                outboxRelay.wakeUp(aggregate);
            }
            return result;
        }
    }

    /** Inserts a new aggregate and sends any events it was born with. */
    public <T extends OutboxAggregate> T insert(CrudRepository<T, String> repository, T aggregate) {
        T saved = repository.save(aggregate);
        if (!saved.outbox().isEmpty()) {
            outboxRelay.wakeUp(saved);
        }
        return saved;
    }
}
