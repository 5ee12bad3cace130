package org.tirelire.local.services;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The environment each service is started with. The user's own environment passes through, so any
 * Spring Boot property can be set as a variable ({@code SPRING_MAIL_HOST}, {@code LOGGING_LEVEL_ROOT}…),
 * and wins over the launcher's defaults. Only a service's port and database are not the user's to
 * choose this way: one {@code SERVER_PORT} for four services would make them collide, so ports are
 * chosen with {@code TIRELIRE_<NAME>_PORT} instead.
 *
 * @param servicePorts the HTTP port of each service (its first instance)
 * @param extraInstancePorts the HTTP ports of the further instances of a service that runs as several
 * @param kafkaPort the broker's port on 127.0.0.1
 * @param mongoPort the MongoDB-wire server's port on 127.0.0.1
 * @param smtpPort the mail catcher's SMTP port on 127.0.0.1, used unless the user names a mail server
 * @param user the launcher's own environment
 * @param paymentsCredentialsKey the data directory's key for payment credentials, given to donation-service
 *     unless the user sets {@code TIRELIRE_PAYMENTS_CREDENTIALS_KEY}; null gives none (sandbox only)
 * @param signInSecretsKey the data directory's key for two-factor secrets, given to the gateway unless the
 *     user sets {@code TIRELIRE_AUTH_SECRETS_KEY}; null gives none (no two-factor sign-in)
 */
public record ServiceEnvironment(
        Map<Service, Integer> servicePorts,
        Map<Service, List<Integer>> extraInstancePorts,
        int kafkaPort,
        int mongoPort,
        int smtpPort,
        Map<String, String> user,
        String paymentsCredentialsKey,
        String signInSecretsKey) {

    /** Set to bind the gateway elsewhere than loopback, e.g. {@code TIRELIRE_BIND=0.0.0.0} on a LAN demo. */
    public static final String BIND_VARIABLE = "TIRELIRE_BIND";

    public ServiceEnvironment {
        servicePorts = new EnumMap<>(servicePorts);
        extraInstancePorts = Map.copyOf(extraInstancePorts);
        user = Map.copyOf(user);
        for (Service service : Service.values()) {
            if (!servicePorts.containsKey(service)) {
                throw new IllegalArgumentException("no port for " + service.module());
            }
        }
    }

    /** One instance of each service. */
    public ServiceEnvironment(
            Map<Service, Integer> servicePorts, int kafkaPort, int mongoPort, int smtpPort, Map<String, String> user) {
        this(servicePorts, Map.of(), kafkaPort, mongoPort, smtpPort, user, null, null);
    }

    /** Whether the user sends mail to a server of their own; then no mail catcher is needed. */
    public static boolean namesMailServer(Map<String, String> user) {
        return isSet(user.get("SPRING_MAIL_HOST")) || isSet(user.get("SPRING_MAIL_PORT"));
    }

    /** The environment of a service's further instance, which differs from the first only by its port. */
    public Map<String, String> instance(Service service, int port) {
        Map<String, String> env = of(service);
        env.put("SERVER_PORT", String.valueOf(port));
        return env;
    }

    public Map<String, String> of(Service service) {
        Map<String, String> env = new HashMap<>(user);
        String kafka = "127.0.0.1:" + kafkaPort;
        String gateway = "127.0.0.1:" + servicePorts.get(Service.GATEWAY);
        env.putIfAbsent("SPRING_PROFILES_ACTIVE", "embedded");
        env.putIfAbsent("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", kafka);
        env.putIfAbsent("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("SERVER_PORT", String.valueOf(servicePorts.get(service)));
        env.put("SPRING_MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort + "/" + service.database());
        switch (service) {
            case GATEWAY -> {
                String bind = user.get(BIND_VARIABLE);
                if (isSet(bind)) {
                    env.put("SERVER_ADDRESS", bind.strip());
                } else {
                    env.putIfAbsent("SERVER_ADDRESS", "127.0.0.1");
                }
                env.putIfAbsent("TIRELIRE_SERVICES_CAMPAIGN_URI", url(Service.CAMPAIGN));
                env.putIfAbsent("TIRELIRE_SERVICES_DONATION_URI", url(Service.DONATION));
                env.putIfAbsent("TIRELIRE_SERVICES_NOTIFICATION_URI", url(Service.NOTIFICATION));
                env.putIfAbsent("TIRELIRE_PUBLIC_BASE_URL", publicBaseUrl());
                if (signInSecretsKey != null) {
                    env.putIfAbsent("TIRELIRE_AUTH_SECRETS_KEY", signInSecretsKey);
                }
            }
            case DONATION -> {
                internalService(env, gateway);
                // The gift's status page a donor comes back to from a provider's payment page.
                env.putIfAbsent("TIRELIRE_PUBLIC_BASE_URL", publicBaseUrl());
                // Where an organiser's password is asked again before a payment account changes.
                env.putIfAbsent("TIRELIRE_IDENTITY_URI", "http://" + gateway);
                if (paymentsCredentialsKey != null) {
                    env.putIfAbsent("TIRELIRE_PAYMENTS_CREDENTIALS_KEY", paymentsCredentialsKey);
                }
            }
            case NOTIFICATION -> {
                internalService(env, gateway);
                if (!namesMailServer(user)) {
                    env.put("SPRING_MAIL_HOST", "127.0.0.1");
                    env.put("SPRING_MAIL_PORT", String.valueOf(smtpPort));
                }
                env.putIfAbsent("TIRELIRE_PUBLIC_BASE_URL", publicBaseUrl());
                // A receiver on this laptop (a script, a test) may get webhooks, unless the platform is
                // shown on the network: then a webhook must not reach inside this machine.
                env.putIfAbsent(
                        "TIRELIRE_WEBHOOKS_ALLOW_LOCAL_TARGETS", String.valueOf(!isSet(user.get(BIND_VARIABLE))));
            }
            default -> internalService(env, gateway);
        }
        return env;
    }

    /** The services behind the gateway listen on loopback only and trust the gateway's signing keys. */
    private static void internalService(Map<String, String> env, String gateway) {
        env.putIfAbsent("SERVER_ADDRESS", "127.0.0.1");
        env.putIfAbsent("TIRELIRE_JWKS_URI", "http://" + gateway + "/.well-known/jwks.json");
    }

    private String publicBaseUrl() {
        return "http://localhost:" + servicePorts.get(Service.GATEWAY);
    }

    /** Every instance of the service, comma-separated: the gateway balances calls between them. */
    private String url(Service service) {
        return Stream.concat(
                        Stream.of(servicePorts.get(service)),
                        extraInstancePorts.getOrDefault(service, List.of()).stream())
                .map(port -> "http://127.0.0.1:" + port)
                .collect(Collectors.joining(","));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
