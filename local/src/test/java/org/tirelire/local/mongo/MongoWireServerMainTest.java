package org.tirelire.local.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tirelire.local.process.ChildProcess;
import org.tirelire.local.process.JavaCommand;

/** The real server main, in its own JVM, stopped with SIGTERM as the launcher stops it. */
class MongoWireServerMainTest {

    @TempDir
    Path dir;

    private ChildProcess server;

    @AfterEach
    void stopTheServer() {
        if (server != null) {
            server.stop(Duration.ofSeconds(10));
        }
    }

    @Test
    void a_restarted_mongo_wire_server_keeps_its_data() throws Exception {
        int port = freePort();
        Path file = dir.resolve("mongo/tirelire.mv");
        server = new ChildProcess(
                "mongo",
                JavaCommand.mainClass(
                        List.of("-Xmx192m", "-XX:+UseSerialGC"),
                        MongoWireServerMain.class.getName(),
                        List.of(String.valueOf(port), file.toString())),
                Map.of(),
                dir.resolve("mongo.log"));
        server.start().awaitReady(() -> listens(port), Duration.ofSeconds(30));
        try (MongoClient client = client(port)) {
            campaigns(client).insertOne(new Document("_id", "peniche").append("title", "Rénovons la péniche-école"));
            campaigns(client).insertOne(new Document("_id", "jardin").append("raised", 12_500L));
        }

        server.stop(Duration.ofSeconds(10)); // SIGTERM, as Ctrl-C on ./tirelire up
        assertThat(server.isAlive()).isFalse();
        server.start().awaitReady(() -> listens(port), Duration.ofSeconds(30));

        try (MongoClient client = client(port)) {
            assertThat(campaigns(client).find().sort(new Document("_id", 1)).into(new java.util.ArrayList<>()))
                    .extracting(document -> document.get("_id"), document -> document.get("title"))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("jardin", null),
                            org.assertj.core.groups.Tuple.tuple("peniche", "Rénovons la péniche-école"));
            assertThat(campaigns(client)
                            .find(new Document("_id", "jardin"))
                            .first()
                            .getLong("raised"))
                    .isEqualTo(12_500L);
        }
    }

    private static MongoCollection<Document> campaigns(MongoClient client) {
        return client.getDatabase("tirelire-campaigns").getCollection("campaigns");
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build());
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
