package org.tirelire.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.tirelire.local.migrate.PlatformMigration;
import org.tirelire.local.services.Service;

/**
 * {@code ./tirelire migrate --mongodb URI --kafka BOOTSTRAP}: moves the stopped platform of {@code
 * TIRELIRE_DATA_DIR} to a real MongoDB and Kafka ({@link PlatformMigration}), then says how to start the
 * services there. Its own Kafka and MongoDB-wire server are started for the copy, on ports of their own.
 */
public final class MigrateCommand {

    private MigrateCommand() {}

    /** @return the exit status: 0 moved, 1 refused or failed (nothing written when refused), 2 bad usage */
    public static int run(List<String> options, Path home, Map<String, String> environment, Consumer<String> say) {
        String mongodb = option(options, "--mongodb");
        String kafka = option(options, "--kafka");
        if (mongodb == null || kafka == null || options.size() != 4) {
            say.accept("Usage: ./tirelire migrate --mongodb mongodb://HOST:27017 --kafka HOST:9092");
            return 2;
        }
        Path dataDir = TirelireCommand.dataDir(environment);
        try {
            if (new ProcessLedger(dataDir.resolve("run").resolve("pids"))
                    .launcher()
                    .isPresent()) {
                say.accept("Nothing moved: Tirelire runs on " + dataDir + ". Stop it first (Ctrl-C): it stays"
                        + " stopped until the services run on the new servers.");
                return 1;
            }
            if (!Files.exists(dataDir.resolve("mongo").resolve("tirelire.mv"))) {
                say.accept("Nothing moved: there is no platform data in " + dataDir);
                return 1;
            }
            say.accept("Moving " + dataDir + " to MongoDB " + mongodb + " and Kafka " + kafka + "…");
            long started = System.nanoTime();
            LocalPlatform stores = LocalPlatform.builder()
                    .home(home)
                    .dataDir(dataDir)
                    .randomPorts()
                    .environment(environment)
                    .storesOnly()
                    .build()
                    .start();
            PlatformMigration.Report report;
            try {
                report = PlatformMigration.run(
                        stores.endpoints().kafkaBootstrapServers(),
                        stores.endpoints().mongoUri(),
                        kafka,
                        mongodb,
                        say);
            } finally {
                stores.stop();
            }
            say.accept(String.format(
                    Locale.ROOT,
                    "Moved in %.1f s: %d documents in %d collections; topics created: %s.",
                    (System.nanoTime() - started) / 1e9,
                    report.documents(),
                    report.documentsByCollection().size(),
                    report.topicsCreated().isEmpty()
                            ? "none (they were there)"
                            : String.join(", ", report.topicsCreated())));
            say.accept("Kafka cluster " + report.toCluster() + " takes over from " + report.fromCluster()
                    + "; the services keep its event positions apart (ADR 36).");
            say.accept("");
            say.accept("Start the services with, each:");
            say.accept("  SPRING_KAFKA_BOOTSTRAP_SERVERS=" + kafka + "  SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS="
                    + kafka);
            for (Service service : Service.values()) {
                say.accept(String.format(
                        Locale.ROOT,
                        "  %-21s SPRING_MONGODB_URI=%s",
                        service.module(),
                        withDatabase(mongodb, service.database())));
            }
            say.accept("and the keys of " + dataDir.resolve("secrets")
                    + ": TIRELIRE_PAYMENTS_CREDENTIALS_KEY (donation-service)"
                    + " from payments-credentials.key, TIRELIRE_AUTH_SECRETS_KEY (gateway) from sign-in-secrets.key.");
            say.accept("Keep " + dataDir + " until the platform runs there: it is your way back.");
            return 0;
        } catch (PlatformMigration.Refused refused) {
            say.accept("Nothing moved:");
            refused.getMessage().lines().forEach(reason -> say.accept("  - " + reason));
            return 1;
        } catch (IOException | InterruptedException | RuntimeException failed) {
            if (failed instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            say.accept("The move failed: " + failed.getMessage());
            say.accept("The data in " + dataDir + " is untouched; empty the new MongoDB's tirelire-* databases"
                    + " before trying again.");
            return 1;
        }
    }

    /** The URI with its path naming {@code database}, its options kept ({@code ?replicaSet=…}). */
    static String withDatabase(String uri, String database) {
        int query = uri.indexOf('?');
        String base = query < 0 ? uri : uri.substring(0, query);
        String options = query < 0 ? "" : uri.substring(query);
        int hostsStart = base.indexOf("://") + 3;
        int path = base.indexOf('/', hostsStart);
        String hosts = path < 0 ? base : base.substring(0, path);
        return hosts + "/" + database + options;
    }

    private static String option(List<String> options, String name) {
        int at = options.indexOf(name);
        return at >= 0 && at + 1 < options.size() ? options.get(at + 1) : null;
    }
}
