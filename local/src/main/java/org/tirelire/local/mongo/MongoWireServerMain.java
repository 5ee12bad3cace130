package org.tirelire.local.mongo;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB-wire server of the local run: mongo-java-server on an H2 MVStore file, so that data
 * survives a restart. The services reach it through an ordinary {@code mongodb://} URI.
 *
 * <p>Usage: {@code MongoWireServerMain <port> <file>}
 */
public final class MongoWireServerMain {

    private static final Logger log = LoggerFactory.getLogger(MongoWireServerMain.class);

    private static final String NETTY_ACCESS_CHECKS = "io.netty.buffer.checkAccessible";

    private MongoWireServerMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("Usage: MongoWireServerMain <port> <file>");
            System.exit(2);
        }
        // Netty checks on every byte a buffer takes that the buffer was not released: a tenth of this server's
        // CPU under load, encoding documents (docs/performance.md). Its buffers here live within one call.
        if (System.getProperty(NETTY_ACCESS_CHECKS) == null) {
            System.setProperty(NETTY_ACCESS_CHECKS, "false");
        }
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(file.getParent());
        MongoServer server = new MongoServer(new IdLookupH2Backend(file.toString()));
        // No oplog: nothing here uses change streams, and an oplog would make the file grow without end.
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM runs this hook: shutting the server down closes the MVStore, so every write is on disk.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.shutdown();
                            log.info("MongoDB-wire server stopped, {} closed", file);
                            stopped.countDown();
                        },
                        "mongo-wire-shutdown"));
        server.bind("127.0.0.1", port);
        log.info("MongoDB-wire server on 127.0.0.1:{}, data in {}", port, file);
        stopped.await();
    }
}
