package org.tirelire.kit.security;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The signed-in organiser, as the gateway's access token states it. The organisation is known from
 * the token alone, so ownership checks need no call to another service.
 */
public record Organiser(String accountId, String organisationId, String organisationName, String email) {

    public static Organiser from(Jwt token) {
        String organisationId = token.getClaimAsString("org");
        if (organisationId == null || organisationId.isBlank()) {
            throw new IllegalArgumentException("The access token names no organisation");
        }
        String name = token.getClaimAsString("org_name");
        String email = token.getClaimAsString("email");
        return new Organiser(token.getSubject(), organisationId, name == null ? "" : name, email == null ? "" : email);
    }
}
