package org.tirelire.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        int mailWeb,
        int gatewayManagement) {

    /** The gateway's actuator (its figures for Prometheus) listens on a port of its own, on loopback. */
    public static final PlatformPorts DEFAULTS =
            new PlatformPorts(8080, 8081, 8082, 8083, 9092, 9093, 27017, 2525, 8025, 8090);

    public static PlatformPorts fromEnvironment(Function<String, String> environment) {
        return new PlatformPorts(
                port(environment, "GATEWAY", DEFAULTS.gateway),
                port(environment, "CAMPAIGN", DEFAULTS.campaignService),
                port(environment, "DONATION", DEFAULTS.donationService),
                port(environment, "NOTIFICATION", DEFAULTS.notificationService),
                port(environment, "KAFKA", DEFAULTS.kafka),
                port(environment, "KAFKA_CONTROLLER", DEFAULTS.kafkaController),
                port(environment, "MONGO", DEFAULTS.mongo),
                port(environment, "SMTP", DEFAULTS.smtp),
                port(environment, "MAIL_WEB", DEFAULTS.mailWeb),
                port(environment, "GATEWAY_MANAGEMENT", DEFAULTS.gatewayManagement));
    }

    /**
     * Ten ports free right now, all different, for tests that must not collide with a platform
     * already running. The sockets are held until all ten are chosen, so none is picked twice.
     */
    public static PlatformPorts random() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[10];
            for (int i = 0; i < ports.length; i++) {
                ServerSocket socket = new ServerSocket();
                held.add(socket);
                socket.bind(new InetSocketAddress("127.0.0.1", 0));
                ports[i] = socket.getLocalPort();
            }
            return new PlatformPorts(
                    ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6], ports[7], ports[8], ports[9]);
        } catch (IOException e) {
            throw new IllegalStateException("No free port on loopback", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // only a probe
                }
            }
        }
    }

    /** One port free right now on loopback (for a service's further instance, known only to the gateway). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on loopback", e);
        }
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
        ports.put("gateway management", gatewayManagement);
        return ports;
    }

    /**
     * Why the platform cannot start on these ports, or empty if it can: a port given twice, or a port
     * something else already listens on, with a guess at what.
     *
     * @param skipped purposes not started this time (the mail catcher when mail goes elsewhere)
     */
    public List<String> problems(Set<String> skipped) {
        List<String> problems = new ArrayList<>();
        Map<Integer, String> seen = new LinkedHashMap<>();
        Set<Integer> busy = new HashSet<>();
        byPurpose().forEach((purpose, port) -> {
            if (skipped.contains(purpose)) {
                return;
            }
            String other = seen.putIfAbsent(port, purpose);
            if (other != null) {
                problems.add("port " + port + " is given to both " + other + " and " + purpose
                        + ": choose another with TIRELIRE_<NAME>_PORT");
            } else if (inUse(port) && busy.add(port)) {
                problems.add("port " + port + " (" + purpose + ") is in use: " + likelyHolder(purpose));
            }
        });
        return problems;
    }

    private static String likelyHolder(String purpose) {
        String guess = switch (purpose) {
            case "Kafka", "Kafka controller" -> "is Tirelire already running, or another Kafka broker?";
            case "MongoDB-wire server" -> "is Tirelire already running, or a MongoDB server?";
            case "SMTP", "mail web page" -> "is Tirelire already running, or Mailpit/MailHog (docker compose up)?";
            default -> "is Tirelire already running (./tirelire up or docker compose up)?";
        };
        return guess + " Stop it, or choose another port with TIRELIRE_<NAME>_PORT.";
    }

    private static int port(Function<String, String> environment, String name, int defaultPort) {
        String variable = "TIRELIRE_" + name + "_PORT";
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65_535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(variable + "=" + value + " is not a port number (1-65535)");
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
