package org.tirelire.gateway.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Organiser sign-in, under {@code tirelire.auth}.
 *
 * @param issuer the {@code iss} of the access tokens
 * @param accessTokenTtl how long an access token is valid
 */
@ConfigurationProperties("tirelire.auth")
public record AuthProperties(
        @DefaultValue("tirelire") String issuer,
        @DefaultValue("1h") Duration accessTokenTtl) {}
