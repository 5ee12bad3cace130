package org.tirelire.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.events.CloudEvent;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.EventCodec;
import org.tirelire.contracts.events.EventTypes;
import org.tirelire.contracts.events.TirelireEvent;
import org.tirelire.contracts.money.Money;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private final DonationConfirmed confirmed = new DonationConfirmed(
            "don-1",
            "camp-1",
            Money.of(3000, "EUR"),
            "marie-runs",
            null,
            new DonationConfirmed.Donor("Marie", "Curie", "marie@example.org", "fr"),
            false,
            "Bravo",
            true,
            null,
            Instant.parse("2026-11-22T10:15:30Z"));

    @Test
    void an_event_travels_as_a_structured_cloud_event_with_integer_minor_units() {
        CloudEvent envelope = codec.wrap(confirmed, "/donation-service", "don-1", confirmed.confirmedAt(), "corr-7");

        String json = new String(codec.encode(envelope), StandardCharsets.UTF_8);

        assertThat(json)
                .contains("\"specversion\":\"1.0\"")
                .contains("\"type\":\"org.tirelire.donation.confirmed.v1\"")
                .contains("\"subject\":\"don-1\"")
                .contains("\"correlationid\":\"corr-7\"")
                .contains("\"amount\":{\"amount\":3000,\"currency\":\"EUR\"}");
    }

    @Test
    void a_decoded_event_gives_back_the_same_record() {
        byte[] bytes = codec.encode(codec.wrap(confirmed, "/donation-service", "don-1", Instant.now(), null));

        CloudEvent decoded = codec.decode(bytes);

        assertThat(codec.data(decoded)).isEqualTo(confirmed);
    }

    @Test
    void the_data_of_an_event_is_its_record_components_and_nothing_else() {
        CloudEvent envelope = codec.wrap(confirmed, "/donation-service", "don-1", Instant.now(), null);

        List<String> fields = new ArrayList<>();
        envelope.data().propertyNames().forEach(fields::add);

        assertThat(fields)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(DonationConfirmed.class.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList());
    }

    @Test
    void a_consumer_ignores_fields_it_does_not_know() {
        String fromANewerProducer = """
                {"specversion":"1.0","id":"e1","source":"/donation-service","type":"org.tirelire.donation.failed.v1",
                 "time":"2026-11-22T10:15:30Z","subject":"don-2","datacontenttype":"application/json",
                 "somethingNew":"x",
                 "data":{"donationId":"don-2","campaignId":"camp-1","amount":{"amount":500,"currency":"EUR"},
                         "reason":"declined","failedAt":"2026-11-22T10:15:30Z","retryHint":"later"}}
                """;

        CloudEvent decoded = codec.decode(fromANewerProducer.getBytes(StandardCharsets.UTF_8));

        assertThat(codec.data(decoded)).hasFieldOrPropertyWithValue("reason", "declined");
    }

    @Test
    void an_unknown_event_type_decodes_to_no_record_rather_than_failing() {
        String unknown = """
                {"specversion":"1.0","id":"e1","source":"/x","type":"org.tirelire.something.else.v9",
                 "time":"2026-11-22T10:15:30Z","subject":"s","data":{}}
                """;

        assertThat(codec.data(codec.decode(unknown.getBytes(StandardCharsets.UTF_8))))
                .isNull();
    }

    @Test
    void every_event_type_is_versioned_and_unique() {
        assertThat(EventTypes.all().map(e -> e.getValue()))
                .allMatch(type -> type.startsWith("org.tirelire.") && type.matches(".*\\.v\\d+$"))
                .doesNotHaveDuplicates();
    }

    @Test
    void every_record_of_every_event_family_has_its_type() {
        List<Class<?>> records = new ArrayList<>();
        collectRecords(TirelireEvent.class, records);

        assertThat(records).hasSize((int) EventTypes.all().count());
        records.forEach(
                record -> assertThat(EventTypes.classOf(EventTypes.typeOf(record.asSubclass(TirelireEvent.class))))
                        .isEqualTo(record));
    }

    private static void collectRecords(Class<?> family, List<Class<?>> records) {
        for (Class<?> permitted : family.getPermittedSubclasses()) {
            if (permitted.isRecord()) {
                records.add(permitted);
            } else {
                collectRecords(permitted, records);
            }
        }
    }
}
