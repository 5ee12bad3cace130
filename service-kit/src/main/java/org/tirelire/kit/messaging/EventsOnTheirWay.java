package org.tirelire.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tirelire.kit.cache.RecentReads;

/**
 * Whether an event keyed by something may still be on its way to a consumer group: the group has not read
 * to the end of the partition the key goes to. A copy that an event creates (a campaign's snapshot) is then
 * missing for now, not for good, and the caller can say "come back in a moment" rather than "no such thing".
 *
 * <p>Asked only once a lookup has waited its grace in vain, which is rare: two admin requests to Kafka, and
 * their answer kept half a second for the partition, so that a crowd on a campaign just published costs the
 * broker two requests a second. When Kafka does not answer in time, the answer is no: the caller says what it
 * said before it could ask.
 */
public class EventsOnTheirWay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventsOnTheirWay.class);

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

    private final Map<String, Object> adminSettings;
    private final Map<String, Integer> partitionCounts = new ConcurrentHashMap<>();
    private final RecentReads<PartitionOfGroup, Boolean> recentAnswers = new RecentReads<>(Duration.ofMillis(500));
    private @Nullable Admin admin;

    private record PartitionOfGroup(String group, TopicPartition partition) {}

    /** @param adminSettings how to reach Kafka, as the consumers do */
    public EventsOnTheirWay(Map<String, Object> adminSettings) {
        this.adminSettings = Map.copyOf(adminSettings);
    }

    /**
     * True when {@code group} has records of {@code topic} left to read, or to commit, on the partition
     * {@code key}'s events go to (Kafka's default partitioner: murmur2 of the key's UTF-8 bytes).
     */
    public boolean mayStillBring(String topic, String group, String key) {
        try {
            TopicPartition partition = new TopicPartition(
                    topic, partitionFor(key.getBytes(StandardCharsets.UTF_8), partitionCount(topic)));
            return recentAnswers
                    .get(new PartitionOfGroup(group, partition), this::behind)
                    .orElse(false);
        } catch (ExecutionException | TimeoutException | RuntimeException cannotTell) {
            log.warn(
                    "Could not tell whether {} has events of {} left to read: {}", group, topic, cannotTell.toString());
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The partition Kafka's producer sends a record with this key to. */
    static int partitionFor(byte[] key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    private Optional<Boolean> behind(PartitionOfGroup asked) {
        try {
            long end = admin().listOffsets(Map.of(asked.partition(), OffsetSpec.latest()))
                    .partitionResult(asked.partition())
                    .get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS)
                    .offset();
            OffsetAndMetadata committed = admin().listConsumerGroupOffsets(Map.of(
                            asked.group(),
                            new ListConsumerGroupOffsetsSpec().topicPartitions(List.of(asked.partition()))))
                    .partitionsToOffsetAndMetadata(asked.group())
                    .get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS)
                    .get(asked.partition());
            long readUpTo = committed == null ? 0 : committed.offset();
            return Optional.of(readUpTo < end);
        } catch (ExecutionException | TimeoutException unanswered) {
            throw new IllegalStateException(unanswered.toString(), unanswered);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }

    private int partitionCount(String topic) throws ExecutionException, TimeoutException, InterruptedException {
        Integer known = partitionCounts.get(topic);
        if (known != null) {
            return known;
        }
        int count = admin().describeTopics(List.of(topic))
                .allTopicNames()
                .get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS)
                .get(topic)
                .partitions()
                .size();
        partitionCounts.put(topic, count); // partitions are never added on their own (auto-add-partitions: false)
        return count;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> settings = new HashMap<>(adminSettings);
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ANSWER_WITHIN.toMillis());
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ANSWER_WITHIN.toMillis());
            admin = Admin.create(settings);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
