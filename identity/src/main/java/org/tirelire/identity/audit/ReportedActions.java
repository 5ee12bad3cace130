package org.tirelire.identity.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.OrganisationActionTaken;
import org.tirelire.contracts.events.TirelireEvent;
import org.tirelire.contracts.events.Topics;

/**
 * Records in the audit log what the services report on {@value Topics#AUDIT_EVENTS} (refunds, exports,
 * erasures, payment-account changes). Offsets are committed once a poll's entries are written; an entry
 * that cannot be written is read again, and an entry written twice is kept once (ADR 24). The gateway
 * process has no Spring Cloud Stream, so this uses Kafka's own consumer, as the member events' relay
 * uses its producer.
 */
@Component
class ReportedActions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReportedActions.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration WRITE = Duration.ofSeconds(30);
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(2);

    private final AuditLog auditLog;
    private final String bootstrapServers;
    private final EventCodec codec = new EventCodec();
    private final AtomicBoolean running = new AtomicBoolean();
    private KafkaConsumer<String, byte[]> consumer;
    private Thread reader;

    ReportedActions(
            AuditLog auditLog, @Value("${spring.kafka.bootstrap-servers:127.0.0.1:9092}") String bootstrapServers) {
        this.auditLog = auditLog;
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "identity-audit",
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        "identity-audit",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        running.set(true);
        reader = new Thread(this::readUntilStopped, "audit-events");
        reader.setDaemon(true);
        reader.start();
    }

    private void readUntilStopped() {
        boolean interrupted = false;
        try {
            consumer.subscribe(List.of(Topics.AUDIT_EVENTS));
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                try {
                    records.forEach(this::record);
                    consumer.commitSync();
                } catch (WakeupException stopping) {
                    throw stopping;
                } catch (RuntimeException notWritten) {
                    log.warn("Audit entries not written yet, will read them again: {}", notWritten.toString());
                    rewind(records);
                    Thread.sleep(PAUSE_AFTER_FAILURE.toMillis());
                }
            }
        } catch (WakeupException stopping) {
            // stop() asked for it
        } catch (InterruptedException stopping) {
            interrupted = true;
        } finally {
            // Before the interrupt is restored: on an interrupted thread, Kafka's consumer closes half-way, with
            // errors logged and an InterruptException thrown.
            consumer.close(Duration.ofSeconds(2));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void record(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        TirelireEvent data;
        try {
            event = codec.decode(record.value());
            data = codec.data(event);
        } catch (RuntimeException unreadable) {
            // Reading it again would fail again (an action this version does not know, say): it is logged.
            log.error("Skipping an unreadable record at {} offset {}", record.topic(), record.offset(), unreadable);
            return;
        }
        if (data instanceof OrganisationActionTaken taken) {
            auditLog.recordReported(event.id(), taken).block(WRITE);
        }
    }

    /** Back to the first record of this poll on each partition: what was written already is kept once. */
    private void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    @Override
    public void stop() {
        running.set(false);
        if (consumer != null) {
            consumer.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
