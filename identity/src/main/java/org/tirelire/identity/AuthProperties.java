package org.tirelire.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Organiser sign-in, under {@code tirelire.auth}.
 *
 * @param issuer the {@code iss} of the access tokens
 * @param accessTokenTtl how long an access token is valid
 * @param refreshTokenTtl how long a refresh token may be exchanged for new tokens (each exchange
 *     gives a new one: an organiser who comes back within this time stays signed in)
 * @param keyRotationPeriod how long a signing key signs before a new one replaces it; retired keys stay
 *     published twice as long, for the tokens they signed
 * @param failedLoginLimit failed logins for one email, within {@code failedLoginWindow}, before its
 *     logins are refused for that window
 * @param failedLoginWindow see {@code failedLoginLimit}
 */
@ConfigurationProperties("tirelire.auth")
public record AuthProperties(
        @DefaultValue("tirelire") String issuer,
        @DefaultValue("1h") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("90d") Duration keyRotationPeriod,
        @DefaultValue("5") int failedLoginLimit,
        @DefaultValue("15m") Duration failedLoginWindow) {}
