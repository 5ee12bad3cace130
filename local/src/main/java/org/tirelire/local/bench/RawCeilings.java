package org.tirelire.local.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * What the platform's two stores can do by themselves on this machine, measured in the same run: a
 * plain Kafka producer's record rate (acks=all, batched as a producer may be) and a plain MongoDB
 * driver's rate of single-document inserts (one per request, as the services insert). The report
 * states the platform's gifts per second as a fraction of them.
 */
final class RawCeilings {

    record Ceilings(double kafkaRecordsPerSecond, double mongoInsertsPerSecond) {}

    private RawCeilings() {}

    static Ceilings measure(String kafkaBootstrap, String mongoUri, int kafkaRecords, int mongoInserts)
            throws InterruptedException, ExecutionException {
        return new Ceilings(kafkaRate(kafkaBootstrap, kafkaRecords), mongoRate(mongoUri, mongoInserts));
    }

    private static double kafkaRate(String bootstrap, int records) throws InterruptedException, ExecutionException {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        byte[] event = new byte[700]; // about the size of a DonationConfirmed CloudEvent
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            String topic = "tirelire.bench-ceiling";
            producer.send(new ProducerRecord<>(topic, "warm-up", event)).get(); // creates the topic
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "campaign-" + (i % 50), event));
            }
            producer.flush();
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static double mongoRate(String uri, int inserts) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> collection =
                    client.getDatabase("tirelire-bench").getCollection("ceiling-" + UUID.randomUUID());
            collection.insertOne(new Document("warm", "up"));
            long start = System.nanoTime();
            for (int i = 0; i < inserts; i++) {
                collection.insertOne(new Document("_id", UUID.randomUUID().toString())
                        .append("campaignId", "campaign-" + (i % 50))
                        .append("amount", new Document("amount", 2500L).append("currency", "EUR"))
                        .append("status", "PENDING")
                        .append("createdAt", new java.util.Date()));
            }
            double rate = inserts / ((System.nanoTime() - start) / 1e9);
            collection.drop();
            return rate;
        }
    }
}
