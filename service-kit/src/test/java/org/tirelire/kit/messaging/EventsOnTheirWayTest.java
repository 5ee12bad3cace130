package org.tirelire.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class EventsOnTheirWayTest {

    @Test
    void a_key_is_looked_for_in_the_partition_kafka_s_producer_sends_it_to() {
        for (String campaignId : new String[] {"camp-1", "7f0c2a4e-9b1d-4c55-8e3a-0d6f1b2c3d4e", "péniche", ""}) {
            byte[] key = campaignId.getBytes(StandardCharsets.UTF_8);
            for (int partitions : new int[] {1, 4, 12}) {
                assertThat(EventsOnTheirWay.partitionFor(key, partitions))
                        .as("%s among %d partitions", campaignId, partitions)
                        .isEqualTo(BuiltInPartitioner.partitionForKey(key, partitions));
            }
        }
    }

    @Test
    void when_kafka_cannot_be_asked_the_answer_is_no() {
        // Nothing listens on port 9: the caller then answers as it did before it could ask.
        try (EventsOnTheirWay events =
                new EventsOnTheirWay(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9"))) {
            assertThat(events.mayStillBring("tirelire.campaign-events", "donation-service", "camp-1"))
                    .isFalse();
        }
    }
}
