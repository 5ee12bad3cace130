package org.tirelire.identity.organisation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.Topics;

/**
 * Publishes the member events waiting in organisations' documents to {@value Topics#MEMBER_EVENTS}, then
 * removes them: at least once, in order per organisation, with retries while Kafka is away. A change
 * wakes it; a sweep every few seconds catches what a crash between the write and the wake-up left.
 * The gateway process has no Spring Cloud Stream, so this speaks to Kafka with its own client (ADR 21).
 */
@Component
class MemberEventRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MemberEventRelay.class);
    private static final Duration SWEEP = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;
    private final String bootstrapServers;
    private final EventCodec codec = new EventCodec();
    private final AtomicBoolean running = new AtomicBoolean();
    private ScheduledExecutorService relay;
    private KafkaProducer<String, byte[]> producer;

    MemberEventRelay(
            ReactiveMongoTemplate mongo,
            @Value("${spring.kafka.bootstrap-servers:127.0.0.1:9092}") String bootstrapServers) {
        this.mongo = mongo;
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public void start() {
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "identity-member-events",
                        // While Kafka is away, a send gives up after this and the next sweep tries again.
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        10_000,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        20_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        10_000),
                new StringSerializer(),
                new ByteArraySerializer());
        relay = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "member-event-relay"));
        relay.scheduleWithFixedDelay(this::publishWaiting, 0, SWEEP.toMillis(), TimeUnit.MILLISECONDS);
        running.set(true);
    }

    /** An organisation was written with new events: publish them now rather than at the next sweep. */
    void wake(Organisation written) {
        if (running.get() && !written.outbox().isEmpty()) {
            relay.execute(this::publishWaiting);
        }
    }

    private void publishWaiting() {
        try {
            List<Organisation> waiting = mongo.find(
                            Query.query(Criteria.where("outbox.0").exists(true)).limit(100), Organisation.class)
                    .collectList()
                    .block(WAIT);
            for (Organisation organisation : waiting == null ? List.<Organisation>of() : waiting) {
                publish(organisation);
            }
        } catch (RuntimeException e) {
            log.warn("Member events not published yet, will try again: {}", e.toString());
        }
    }

    /** Each event in order, waiting for Kafka's acknowledgement before removing it from the document. */
    private void publish(Organisation organisation) {
        for (PendingMemberEvent pending : organisation.outbox()) {
            CloudEvent event = codec.wrap(
                    pending.eventId(),
                    pending.event(),
                    "/identity",
                    pending.event().memberId(),
                    pending.occurredAt(),
                    null);
            try {
                producer.send(new ProducerRecord<>(
                                Topics.MEMBER_EVENTS,
                                null,
                                organisation.id(),
                                codec.encode(event),
                                // The CloudEvents Kafka binding's header for a structured event. Not Spring's
                                // "contentType", which its consumers expect JSON-encoded by their own mapper.
                                List.of(new RecordHeader(
                                        "content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)))))
                        .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception notSent) {
                throw new IllegalStateException("Kafka did not take event " + pending.eventId(), notSent);
            }
            mongo.updateFirst(
                            Query.query(Criteria.where("_id").is(organisation.id())),
                            new Update()
                                    .pull(
                                            "outbox",
                                            Query.query(
                                                    Criteria.where("eventId").is(pending.eventId()))),
                            Organisation.class)
                    .block(WAIT);
        }
    }

    @Override
    public void stop() {
        running.set(false);
        if (relay != null) {
            relay.shutdownNow();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
