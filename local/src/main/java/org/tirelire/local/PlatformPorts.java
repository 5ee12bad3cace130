package org.tirelire.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The ports the local platform listens on, all on loopback. Each default can be changed with an
 * environment variable {@code TIRELIRE_<NAME>_PORT}, e.g. {@code TIRELIRE_GATEWAY_PORT=9090}.
 */
public record PlatformPorts(
        int gateway,
        int campaignService,
        int donationService,
        int notificationService,
        int kafka,
        int kafkaController,
        int mongo,
        int smtp,
        int mailWeb) {

    public static PlatformPorts fromEnvironment(Function<String, String> environment) {
        return new PlatformPorts(
                port(environment, "GATEWAY", 8080),
                port(environment, "CAMPAIGN", 8081),
                port(environment, "DONATION", 8082),
                port(environment, "NOTIFICATION", 8083),
                port(environment, "KAFKA", 9092),
                port(environment, "KAFKA_CONTROLLER", 9093),
                port(environment, "MONGO", 27017),
                port(environment, "SMTP", 2525),
                port(environment, "MAIL_WEB", 8025));
    }

    /** Ports free right now, for tests that must not collide with a platform already running. */
    public static PlatformPorts random() {
        return new PlatformPorts(free(), free(), free(), free(), free(), free(), free(), free(), free());
    }

    /** What each port is for, in start order, to check before starting and to print. */
    public Map<String, Integer> byPurpose() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka", kafka);
        ports.put("Kafka controller", kafkaController);
        ports.put("MongoDB-wire server", mongo);
        ports.put("SMTP", smtp);
        ports.put("mail web page", mailWeb);
        ports.put("campaign-service", campaignService);
        ports.put("donation-service", donationService);
        ports.put("notification-service", notificationService);
        ports.put("gateway", gateway);
        return ports;
    }

    private static int port(Function<String, String> environment, String name, int defaultPort) {
        String value = environment.apply("TIRELIRE_" + name + "_PORT");
        return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.strip());
    }

    private static int free() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on loopback", e);
        }
    }

    /** Whether something already listens on the port (then starting would fail half-way). */
    static boolean inUse(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
