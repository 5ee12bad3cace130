package org.tirelire.identity.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tirelire.contracts.access.AuditAction;
import org.tirelire.contracts.events.OrganisationActionTaken;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Each organisation's audit log: append-only (this class inserts and reads, nothing else), newest first,
 * kept a year by a TTL index. An entry that cannot be written is logged, never a reason to refuse what
 * it records.
 */
@Service
public class AuditLog {

    static final Duration KEPT = Duration.ofDays(365);
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final AtomicLong written = new AtomicLong();

    AuditLog(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(AuditEntry.class)
                .createIndex(
                        new Index("at", Sort.Direction.ASC).named("kept_a_year").expire(KEPT))
                .then(mongo.indexOps(AuditEntry.class)
                        .createIndex(new Index()
                                .on("organisationId", Sort.Direction.ASC)
                                .on("at", Sort.Direction.DESC)
                                .named("organisation_newest_first")))
                .block(Duration.ofSeconds(30));
    }

    public Mono<Void> record(String organisationId, String actor, AuditAction action, @Nullable String target) {
        return record(organisationId, actor, action, target, clock.instant());
    }

    /** An entry for what happened at {@code at}, written a little later. */
    public Mono<Void> record(
            String organisationId, String actor, AuditAction action, @Nullable String target, Instant at) {
        return mongo.insert(new AuditEntry(orderedId(at), organisationId, at, actor, action, target))
                .doOnError(e -> log.error(
                        "Audit entry {} by {} for organisation {} not written", action, actor, organisationId, e))
                .onErrorComplete()
                .then();
    }

    /**
     * What a service reported, recorded once however often its event is delivered: the entry's id is
     * derived from the event's. Unlike {@link #record}, a failure is returned, so the event is read again.
     */
    public Mono<Void> recordReported(String eventId, OrganisationActionTaken taken) {
        Instant at = taken.takenAt();
        return mongo.insert(new AuditEntry(
                        String.format("%013d-event-%s", at.toEpochMilli(), eventId),
                        taken.organisationId(),
                        at,
                        taken.actorEmail(),
                        taken.action(),
                        taken.target()))
                .onErrorComplete(DuplicateKeyException.class)
                .then();
    }

    /**
     * An id that sorts as the entries were written by this process, also within one millisecond (where
     * {@code at} ties): the time, a counter, and a random part so that two gateways never collide.
     */
    private String orderedId(Instant at) {
        return String.format(
                "%013d-%012d-%s",
                at.toEpochMilli(),
                written.incrementAndGet(),
                UUID.randomUUID().toString().substring(0, 8));
    }

    /** The organisation's latest entries, newest first. */
    public Flux<AuditEntry> latest(String organisationId, int limit) {
        return mongo.find(
                Query.query(Criteria.where("organisationId").is(organisationId))
                        .with(Sort.by(Sort.Direction.DESC, "at", "_id"))
                        .limit(limit),
                AuditEntry.class);
    }

    /** A cell a spreadsheet would run as a formula (an email may begin with {@code =}) is shown as text. */
    private static @Nullable String defused(@Nullable String cell) {
        return cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** The entries as CSV: a header, then one line per entry, as a spreadsheet opens it. */
    public static String csv(List<AuditEntry> entries) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.DEFAULT
                .builder()
                .setHeader("at", "actor", "action", "target")
                .get()
                .print(out)) {
            for (AuditEntry entry : entries) {
                printer.printRecord(entry.at(), defused(entry.actor()), entry.action(), defused(entry.target()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
