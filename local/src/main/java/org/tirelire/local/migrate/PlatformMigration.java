package org.tirelire.local.migrate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.tirelire.local.kafka.KafkaBroker;

/**
 * Moves a stopped platform's data from its embedded Kafka and MongoDB-wire server to other servers (a
 * real MongoDB and Kafka), so that the services started against those carry on with exact totals and
 * send no email or webhook again (ADR 36):
 *
 * <ol>
 *   <li>nothing is written before everything is checked: every consumer group has read every event of
 *       the old Kafka, the new Kafka is another cluster whose topics are absent or empty, and the new
 *       MongoDB holds none of the platform's databases;
 *   <li>every service's database is copied as it is, indexes first. Outboxes travel inside their
 *       documents and are published to the new Kafka by the services; the records of emails and
 *       webhooks sent travel too, so none is sent again;
 *   <li>each database remembers the old cluster as the one its event positions began on: the services
 *       then keep the new cluster's positions apart, offsets starting again at zero;
 *   <li>the platform's topics are created on the new Kafka with the partitions the services expect.
 * </ol>
 */
public final class PlatformMigration {

    /** The databases of the platform's services: every one is named so. */
    private static final String DATABASE_PREFIX = "tirelire-";
    /** Where a service remembers the first Kafka cluster of its positions (service-kit's StoredKafkaEpoch). */
    static final String EPOCH_COLLECTION = "kafka_epoch";

    static final String FIRST_CLUSTER_ID = "first-cluster";
    private static final int BATCH = 1_000;
    /** Spring Cloud Stream's name for the group of a binding that declares none. */
    private static final String ANONYMOUS_GROUP = "anonymous.";

    /** What moved. */
    public record Report(
            String fromCluster, String toCluster, Map<String, Long> documentsByCollection, List<String> topicsCreated) {

        public long documents() {
            return documentsByCollection.values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    /** A migration refused before anything was written, with every reason found. */
    public static final class Refused extends RuntimeException {
        Refused(List<String> reasons) {
            super(String.join("\n", reasons));
        }
    }

    private PlatformMigration() {}

    public static Report run(String fromKafka, String fromMongo, String toKafka, String toMongo, Consumer<String> say) {
        try (Admin from = admin(fromKafka);
                Admin to = admin(toKafka);
                MongoClient source = MongoClients.create(fromMongo);
                MongoClient target = MongoClients.create(toMongo)) {
            String fromCluster = await(from.describeCluster().clusterId());
            String toCluster = await(to.describeCluster().clusterId());
            List<String> databases = platformDatabases(source);

            List<String> reasons = new ArrayList<>();
            if (fromCluster.equals(toCluster)) {
                reasons.add("the new Kafka (" + toKafka + ") is the platform's own cluster " + fromCluster);
            }
            reasons.addAll(eventsNotYetRead(from));
            reasons.addAll(topicsInTheWay(to));
            reasons.addAll(databasesInTheWay(target, databases));
            if (!reasons.isEmpty()) {
                throw new Refused(reasons);
            }

            Map<String, Long> copied = new TreeMap<>();
            for (String database : databases) {
                say.accept("  copying " + database + "…");
                copied.putAll(copyDatabase(source.getDatabase(database), target.getDatabase(database)));
                rememberFirstCluster(target.getDatabase(database), fromCluster);
            }
            List<String> created = createTopics(to);
            return new Report(fromCluster, toCluster, copied, created);
        }
    }

    private static List<String> platformDatabases(MongoClient source) {
        List<String> names = new ArrayList<>();
        source.listDatabaseNames().forEach(name -> {
            if (name.startsWith(DATABASE_PREFIX)) {
                names.add(name);
            }
        });
        return names.stream().sorted().toList();
    }

    /**
     * Events a consumer group has not read yet would be left behind with the old Kafka: the platform must
     * run until each group has read each partition of its topics to the end. Anonymous groups are the
     * live feeds' (each run starts one at the latest event and forgets it): nothing of theirs is kept.
     */
    static List<String> eventsNotYetRead(Admin kafka) {
        List<String> behind = new ArrayList<>();
        for (ConsumerGroupListing group : await(kafka.listConsumerGroups().all())) {
            if (group.groupId().startsWith(ANONYMOUS_GROUP)) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed =
                    await(kafka.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata());
            Set<String> topics =
                    committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
            Map<TopicPartition, Long> ends = endOffsets(kafka, topics);
            Map<String, Long> unread = new TreeMap<>();
            ends.forEach((partition, end) -> {
                OffsetAndMetadata read = committed.get(partition);
                long lag = end - (read == null ? 0 : read.offset());
                if (lag > 0) {
                    unread.merge(partition.topic(), lag, Long::sum);
                }
            });
            unread.forEach((topic, lag) -> behind.add(
                    "consumer group " + group.groupId() + " has " + lag + " event(s) of " + topic + " still to read"));
        }
        if (!behind.isEmpty()) {
            behind.add("start the platform (./tirelire up), let it catch up for a minute, stop it, and migrate again");
        }
        return behind;
    }

    private static List<String> topicsInTheWay(Admin kafka) {
        List<String> inTheWay = new ArrayList<>();
        Set<String> existing = await(kafka.listTopics().names());
        List<String> ours =
                KafkaBroker.TOPICS.stream().filter(existing::contains).toList();
        if (ours.isEmpty()) {
            return inTheWay;
        }
        Map<String, TopicDescription> descriptions =
                await(kafka.describeTopics(ours).allTopicNames());
        Map<TopicPartition, Long> ends = endOffsets(kafka, Set.copyOf(ours));
        Map<TopicPartition, Long> starts = offsets(kafka, ends.keySet(), OffsetSpec.earliest());
        for (String topic : ours) {
            int partitions = descriptions.get(topic).partitions().size();
            if (partitions != KafkaBroker.PARTITIONS) {
                inTheWay.add("the new Kafka's " + topic + " has " + partitions + " partitions, not "
                        + KafkaBroker.PARTITIONS);
            }
            long records = ends.entrySet().stream()
                    .filter(end -> end.getKey().topic().equals(topic))
                    .mapToLong(end -> end.getValue() - starts.get(end.getKey()))
                    .sum();
            if (records > 0) {
                inTheWay.add("the new Kafka's " + topic + " already holds " + records + " event(s)");
            }
        }
        return inTheWay;
    }

    private static List<String> databasesInTheWay(MongoClient target, List<String> databases) {
        List<String> inTheWay = new ArrayList<>();
        for (String database : databases) {
            MongoDatabase there = target.getDatabase(database);
            for (String collection : there.listCollectionNames()) {
                if (!collection.startsWith("system.")
                        && there.getCollection(collection).countDocuments() > 0) {
                    inTheWay.add("the new MongoDB already holds " + database + "." + collection);
                }
            }
        }
        return inTheWay;
    }

    /** @return documents copied per collection ({@code database.collection}), each count checked on arrival */
    private static Map<String, Long> copyDatabase(MongoDatabase from, MongoDatabase to) {
        Map<String, Long> copied = new TreeMap<>();
        for (String name : from.listCollectionNames()) {
            if (name.startsWith("system.")) {
                continue;
            }
            MongoCollection<Document> source = from.getCollection(name);
            MongoCollection<Document> target = to.getCollection(name);
            copyIndexes(source, target);
            List<Document> batch = new ArrayList<>(BATCH);
            try (MongoCursor<Document> documents =
                    source.find().batchSize(BATCH).iterator()) {
                while (documents.hasNext()) {
                    batch.add(documents.next());
                    if (batch.size() == BATCH) {
                        target.insertMany(batch);
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) {
                target.insertMany(batch);
            }
            long expected = source.countDocuments();
            long arrived = target.countDocuments();
            if (arrived != expected) {
                throw new IllegalStateException(
                        from.getName() + "." + name + ": " + arrived + " documents arrived of " + expected);
            }
            copied.put(from.getName() + "." + name, arrived);
        }
        return copied;
    }

    /** The services' indexes (unique ones keep their duplicates out), with the options they were made with. */
    private static void copyIndexes(MongoCollection<Document> from, MongoCollection<Document> to) {
        for (Document index : from.listIndexes()) {
            String name = index.getString("name");
            if ("_id_".equals(name)) {
                continue;
            }
            IndexOptions options = new IndexOptions().name(name);
            if (index.getBoolean("unique", false)) {
                options.unique(true);
            }
            if (index.getBoolean("sparse", false)) {
                options.sparse(true);
            }
            if (index.get("expireAfterSeconds") instanceof Number seconds) {
                options.expireAfter(seconds.longValue(), TimeUnit.SECONDS);
            }
            if (index.get("partialFilterExpression") instanceof Document filter) {
                options.partialFilterExpression(filter);
            }
            to.createIndex(index.get("key", Document.class), options);
        }
    }

    /**
     * The positions the copied documents remember were counted on the old cluster: said once in each
     * database, unless the service wrote it itself already (then it names the cluster its positions began
     * on, which may be older still).
     */
    private static void rememberFirstCluster(MongoDatabase database, String fromCluster) {
        MongoCollection<Document> epoch = database.getCollection(EPOCH_COLLECTION);
        if (epoch.find(new Document("_id", FIRST_CLUSTER_ID)).first() == null) {
            epoch.insertOne(new Document("_id", FIRST_CLUSTER_ID)
                    .append("clusterId", fromCluster)
                    .append("recordedAt", Date.from(Instant.now()))
                    .append("recordedBy", "tirelire migrate"));
        }
    }

    private static List<String> createTopics(Admin kafka) {
        Set<String> existing = await(kafka.listTopics().names());
        List<NewTopic> missing = KafkaBroker.TOPICS.stream()
                .filter(topic -> !existing.contains(topic))
                .map(topic -> new NewTopic(topic, Optional.of(KafkaBroker.PARTITIONS), Optional.empty()))
                .toList();
        if (!missing.isEmpty()) {
            await(kafka.createTopics(missing).all());
        }
        return missing.stream().map(NewTopic::name).toList();
    }

    private static Map<TopicPartition, Long> endOffsets(Admin kafka, Set<String> topics) {
        if (topics.isEmpty()) {
            return Map.of();
        }
        List<TopicPartition> partitions = new ArrayList<>();
        await(kafka.describeTopics(topics).allTopicNames())
                .forEach((topic, description) -> description
                        .partitions()
                        .forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition()))));
        return offsets(kafka, partitions, OffsetSpec.latest());
    }

    private static Map<TopicPartition, Long> offsets(
            Admin kafka, java.util.Collection<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> asked = new HashMap<>();
        partitions.forEach(partition -> asked.put(partition, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        await(kafka.listOffsets(asked).all()).forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> answer) {
        try {
            return answer.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException unanswered) {
            throw new IllegalStateException("Kafka did not answer: " + unanswered.getMessage(), unanswered);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", interrupted);
        }
    }
}
