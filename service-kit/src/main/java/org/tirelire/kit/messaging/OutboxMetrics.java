package org.tirelire.kit.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * How far each outbox is behind, read when Prometheus scrapes: {@code tirelire_outbox_backlog} (documents
 * whose events still wait to be published) and {@code tirelire_outbox_oldest_age_seconds} (how long the
 * oldest of them has waited), per collection. Both stay near zero while Kafka takes the events.
 */
final class OutboxMetrics implements MeterBinder {

    private static final Criteria PENDING = Criteria.where("outbox.0").exists(true);

    private final MongoTemplate mongo;
    private final List<OutboxSource> sources;
    private final Clock clock;

    OutboxMetrics(MongoTemplate mongo, List<OutboxSource> sources, Clock clock) {
        this.mongo = mongo;
        this.sources = sources;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (OutboxSource source : sources) {
            String collection = mongo.getCollectionName(source.documentType());
            Gauge.builder("tirelire.outbox.backlog", () -> mongo.count(Query.query(PENDING), collection))
                    .description("Documents whose events wait to be published")
                    .tag("collection", collection)
                    .register(registry);
            Gauge.builder("tirelire.outbox.oldest.age", () -> oldestAgeSeconds(collection))
                    .description("How long the oldest event still to publish has waited")
                    .baseUnit("seconds")
                    .tag("collection", collection)
                    .register(registry);
        }
    }

    private double oldestAgeSeconds(String collection) {
        Query oldest = Query.query(PENDING).with(Sort.by("outbox.0.occurredAt")).limit(1);
        oldest.fields().include("outbox");
        Document found = mongo.findOne(oldest, Document.class, collection);
        if (found == null) {
            return 0;
        }
        Object occurredAt = found.getList("outbox", Document.class).get(0).get("occurredAt");
        return occurredAt instanceof Date date
                ? Math.max(
                        0, Duration.between(date.toInstant(), clock.instant()).toMillis() / 1000.0)
                : 0;
    }
}
