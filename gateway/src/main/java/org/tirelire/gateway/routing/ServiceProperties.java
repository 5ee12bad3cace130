package org.tirelire.gateway.routing;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the services listen, under {@code tirelire.services}. */
@ConfigurationProperties("tirelire.services")
public record ServiceProperties(
        @DefaultValue("http://127.0.0.1:8081") URI campaignUri,
        @DefaultValue("http://127.0.0.1:8082") URI donationUri,
        @DefaultValue("http://127.0.0.1:8083") URI notificationUri) {}
