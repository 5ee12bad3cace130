package org.tirelire.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services listen, under {@code tirelire.services}: one address per service, or several,
 * comma-separated, when it runs as several instances (the gateway then shares the calls between them).
 */
@ConfigurationProperties("tirelire.services")
public record ServiceProperties(
        @DefaultValue("http://127.0.0.1:8081") List<URI> campaignUri,
        @DefaultValue("http://127.0.0.1:8082") List<URI> donationUri,
        @DefaultValue("http://127.0.0.1:8083") List<URI> notificationUri) {

    public static final String CAMPAIGN_SERVICE = "campaign-service";
    public static final String DONATION_SERVICE = "donation-service";
    public static final String NOTIFICATION_SERVICE = "notification-service";

    /** Each service's instances, by the name the load balancer knows it by. */
    Map<String, List<URI>> instancesByService() {
        return Map.of(
                CAMPAIGN_SERVICE, campaignUri,
                DONATION_SERVICE, donationUri,
                NOTIFICATION_SERVICE, notificationUri);
    }

    /** The address routes and the pages' client call: the load balancer picks an instance for each call. */
    public static URI loadBalanced(String service) {
        return URI.create("lb://" + service);
    }
}
