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
 * @param invitationTtl how long an invitation link can be used to join an organisation
 * @param passwordHashCost bcrypt's cost (log2 of its rounds): 11 takes about a tenth of a second on a
 *     small server; raise it as machines get faster (existing hashes keep their own cost)
 * @param recentSignIn how long after signing in an organiser may change members without typing their
 *     password again; past it, the change asks for {@code currentPassword}
 * @param secretsKey base64 of 32 random bytes that encrypts the two-factor secrets at rest (env
 *     {@code TIRELIRE_AUTH_SECRETS_KEY}; {@code ./tirelire up} makes one per data directory); without it,
 *     two-factor sign-in cannot be turned on
 */
@ConfigurationProperties("tirelire.auth")
public record AuthProperties(
        @DefaultValue("tirelire") String issuer,
        @DefaultValue("1h") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("90d") Duration keyRotationPeriod,
        @DefaultValue("5") int failedLoginLimit,
        @DefaultValue("15m") Duration failedLoginWindow,
        @DefaultValue("7d") Duration invitationTtl,
        @DefaultValue("10m") Duration recentSignIn,
        @DefaultValue("11") int passwordHashCost,
        @DefaultValue("") String secretsKey) {

    /** Never the key: these properties may be logged or shown. */
    @Override
    public String toString() {
        return "AuthProperties[issuer=" + issuer + ", accessTokenTtl=" + accessTokenTtl + ", secretsKey="
                + (secretsKey.isBlank() ? "none" : "set") + "]";
    }
}
