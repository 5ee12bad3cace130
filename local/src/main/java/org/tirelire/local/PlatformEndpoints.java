package org.tirelire.local;

/** Where to reach each part of a running local platform. */
public record PlatformEndpoints(
        String gatewayUrl,
        String campaignServiceUrl,
        String donationServiceUrl,
        String notificationServiceUrl,
        String kafkaBootstrapServers,
        String mongoUri,
        String smtpHost,
        int smtpPort,
        String mailWebUrl) {

    static PlatformEndpoints of(PlatformPorts ports, String smtpHost, int smtpPort) {
        return new PlatformEndpoints(
                "http://localhost:" + ports.gateway(),
                "http://127.0.0.1:" + ports.campaignService(),
                "http://127.0.0.1:" + ports.donationService(),
                "http://127.0.0.1:" + ports.notificationService(),
                "127.0.0.1:" + ports.kafka(),
                "mongodb://127.0.0.1:" + ports.mongo(),
                smtpHost,
                smtpPort,
                "http://127.0.0.1:" + ports.mailWeb());
    }
}
