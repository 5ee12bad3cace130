package org.tirelire.notification.email;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email settings under {@code tirelire.email}; the SMTP server itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender shown to donors
 * @param publicBaseUrl where links in emails point (the gateway's public address)
 * @param dispatchInterval how often waiting emails are tried
 * @param keepSentFor how long what a sent email said is kept (ADR 50); its id, to send nothing twice, stays
 */
@ConfigurationProperties("tirelire.email")
public record EmailProperties(
        @DefaultValue("Tirelire <noreply@tirelire.local>") String from,
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("500ms") Duration dispatchInterval,
        @DefaultValue("90d") Duration keepSentFor) {}
