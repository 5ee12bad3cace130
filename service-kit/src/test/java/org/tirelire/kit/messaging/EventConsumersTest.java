package org.tirelire.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.tirelire.contracts.events.CampaignEvent;
import org.tirelire.contracts.events.Correlation;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationEvent;
import org.tirelire.contracts.events.DonationRefunded;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.NewsPublished;
import org.tirelire.contracts.events.TirelireEvent;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.totals.EventPosition;
import org.tirelire.kit.tracing.Traces;

class EventConsumersTest {

    private static final String TOPIC = "tirelire.donation-events";
    private static final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final EventCodec codec = new EventCodec();
    private final EventConsumers consumers = new EventConsumers(codec, Traces.NONE);

    @BeforeAll
    static void countMetrics() {
        Metrics.addRegistry(meters);
    }

    @AfterAll
    static void stopCounting() {
        Metrics.removeRegistry(meters);
    }

    @Test
    void an_event_is_handed_on_typed_with_its_position_and_its_correlation_id_in_the_logs() {
        List<String> heard = new ArrayList<>();

        consumers
                .of(DonationEvent.class, event -> {
                    heard.add(event.event().donationId() + " at " + event.position() + " for "
                            + MDC.get(Correlation.LOG_KEY));
                    assertThat(event.event()).isInstanceOf(DonationConfirmed.class);
                })
                .accept(record(encode(confirmed("don-1"), "corr-7"), 2, 41));

        assertThat(heard).containsExactly("don-1 at 2@41 for corr-7");
        assertThat(MDC.get(Correlation.LOG_KEY))
                .as("the logging context is restored")
                .isNull();
    }

    @Test
    void after_a_move_to_another_kafka_cluster_positions_name_it() {
        List<String> positions = new ArrayList<>();

        new EventConsumers(codec, Traces.NONE, () -> "managed-cluster")
                .of(DonationEvent.class, event -> positions.add(event.position().toString()))
                .accept(record(encode(confirmed("don-1"), null), 2, 41));

        assertThat(positions).containsExactly("managed-cluster:2@41");
    }

    @Test
    void a_handler_of_the_family_is_called_for_the_type_it_overrides_only() {
        List<String> handled = new ArrayList<>();
        DonationEvent.Handler refundsOnly = new DonationEvent.Handler() {
            @Override
            public void on(DonationRefunded refunded) {
                handled.add(refunded.donationId());
            }
        };

        var consumer = consumers.of(DonationEvent.class, event -> event.event().dispatchTo(refundsOnly));
        consumer.accept(record(encode(confirmed("don-1"), null), 0, 1));
        consumer.accept(record(encode(refunded("don-2"), null), 0, 2));

        assertThat(handled).containsExactly("don-2");
    }

    @Test
    void an_unreadable_record_is_skipped_and_counted_and_the_next_one_is_read() {
        List<String> heard = new ArrayList<>();
        double before = unreadable();
        var consumer = consumers.of(
                DonationEvent.class, event -> heard.add(event.event().donationId()));

        consumer.accept(record("{not json".getBytes(StandardCharsets.UTF_8), 0, 7));
        consumer.accept(record(encode(confirmed("don-3"), null), 0, 8));

        assertThat(heard).containsExactly("don-3");
        assertThat(unreadable() - before).isEqualTo(1.0);
    }

    @Test
    void an_event_of_another_family_is_ignored() {
        List<TirelireEvent> heard = new ArrayList<>();
        NewsPublished news = new NewsPublished("news-1", "camp-1", "org-1", "Merci", "Merci à tous", Instant.now());

        consumers.of(DonationEvent.class, event -> heard.add(event.event())).accept(record(encode(news, null), 0, 3));
        consumers.of(CampaignEvent.class, event -> heard.add(event.event())).accept(record(encode(news, null), 0, 3));

        assertThat(heard).containsExactly(news);
    }

    @Test
    void a_batch_keeps_each_records_position_and_leaves_out_what_cannot_be_read() {
        List<EventPosition> positions = new ArrayList<>();
        Message<List<byte[]>> batch = MessageBuilder.withPayload(List.of(
                        encode(confirmed("don-1"), null),
                        "garbage".getBytes(StandardCharsets.UTF_8),
                        encode(refunded("don-1"), null)))
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, List.of(TOPIC, TOPIC, TOPIC))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(1, 1, 1))
                .setHeader(KafkaHeaders.OFFSET, List.of(10L, 11L, 12L))
                .build();

        consumers
                .batchesOf(DonationEvent.class, events -> events.forEach(event -> positions.add(event.position())))
                .accept(batch);

        assertThat(positions).containsExactly(new EventPosition(1, 10), new EventPosition(1, 12));
    }

    @Test
    void a_poll_s_records_are_each_handled_as_if_alone_inside_what_wraps_the_poll() {
        List<String> happened = new ArrayList<>();
        Message<List<byte[]>> poll = MessageBuilder.withPayload(
                        List.of(encode(confirmed("don-1"), "corr-1"), encode(refunded("don-2"), "corr-2")))
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, List.of(TOPIC, TOPIC))
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, List.of(0, 0))
                .setHeader(KafkaHeaders.OFFSET, List.of(5L, 6L))
                .build();

        consumers
                .pollsOf(
                        DonationEvent.class,
                        handling -> {
                            happened.add("poll starts");
                            handling.run();
                            happened.add("poll ends");
                        },
                        heard -> happened.add(heard.event().donationId() + " at " + heard.position() + " for "
                                + MDC.get(Correlation.LOG_KEY)))
                .accept(poll);

        assertThat(happened)
                .containsExactly("poll starts", "don-1 at 0@5 for corr-1", "don-2 at 0@6 for corr-2", "poll ends");
    }

    private byte[] encode(TirelireEvent event, String correlationId) {
        return codec.encode(codec.wrap(event, "/test", event.partitionKey(), Instant.now(), correlationId));
    }

    private static Message<byte[]> record(byte[] payload, int partition, long offset) {
        return MessageBuilder.withPayload(payload)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, TOPIC)
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, partition)
                .setHeader(KafkaHeaders.OFFSET, offset)
                .build();
    }

    private static DonationConfirmed confirmed(String donationId) {
        return new DonationConfirmed(
                donationId,
                "camp-1",
                Money.of(3_000, "EUR"),
                null,
                null,
                null,
                false,
                null,
                false,
                null,
                Instant.now());
    }

    private static DonationRefunded refunded(String donationId) {
        return new DonationRefunded(donationId, "camp-1", Money.of(3_000, "EUR"), null, Instant.now());
    }

    private static double unreadable() {
        return meters.find(EventConsumers.UNREADABLE_COUNTER).tag("topic", TOPIC).counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }
}
