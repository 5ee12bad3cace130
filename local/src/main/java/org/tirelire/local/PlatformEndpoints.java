package org.tirelire.local;

import java.util.Map;
import java.util.Optional;

/**
 * Where to reach each part of a running local platform.
 *
 * @param mailWebUrl the mail catcher's page, or {@code null} when mail goes to the user's own server
 * @param gatewayManagementUrl the gateway's actuator (figures for Prometheus), on loopback only
 */
public record PlatformEndpoints(
        String gatewayUrl,
        String campaignServiceUrl,
        String donationServiceUrl,
        String notificationServiceUrl,
        String kafkaBootstrapServers,
        String mongoUri,
        String smtpHost,
        int smtpPort,
        String mailWebUrl,
        String gatewayManagementUrl) {

    /** The mail catcher's page, unless mail goes to a server the user named. */
    public Optional<String> mailPage() {
        return Optional.ofNullable(mailWebUrl);
    }

    static PlatformEndpoints of(PlatformPorts ports, boolean mailCatcher, Map<String, String> environment) {
        String smtpHost = mailCatcher ? "127.0.0.1" : environment.getOrDefault("SPRING_MAIL_HOST", "localhost");
        int smtpPort = mailCatcher ? ports.smtp() : userMailPort(environment);
        return new PlatformEndpoints(
                "http://localhost:" + ports.gateway(),
                "http://127.0.0.1:" + ports.campaignService(),
                "http://127.0.0.1:" + ports.donationService(),
                "http://127.0.0.1:" + ports.notificationService(),
                "127.0.0.1:" + ports.kafka(),
                "mongodb://127.0.0.1:" + ports.mongo(),
                smtpHost,
                smtpPort,
                mailCatcher ? "http://127.0.0.1:" + ports.mailWeb() : null,
                "http://127.0.0.1:" + ports.gatewayManagement());
    }

    private static int userMailPort(Map<String, String> environment) {
        try {
            return Integer.parseInt(
                    environment.getOrDefault("SPRING_MAIL_PORT", "25").strip());
        } catch (NumberFormatException e) {
            return 25;
        }
    }
}
