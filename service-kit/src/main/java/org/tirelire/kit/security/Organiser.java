package org.tirelire.kit.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.tirelire.contracts.access.Capability;
import org.tirelire.contracts.access.OrganisationRole;

/**
 * The signed-in organiser, as the gateway's access token states it: their organisation and their role in
 * it. The organisation is known from the token alone, so ownership checks need no call to another
 * service; so is the role, which each service checks for what it owns ({@link #permittedTo}).
 */
public record Organiser(
        String accountId, String organisationId, String organisationName, String email, OrganisationRole role) {

    public static Organiser from(Jwt token) {
        String organisationId = token.getClaimAsString("org");
        if (organisationId == null || organisationId.isBlank()) {
            throw new IllegalArgumentException("The access token names no organisation");
        }
        String name = token.getClaimAsString("org_name");
        String email = token.getClaimAsString("email");
        return new Organiser(
                token.getSubject(),
                organisationId,
                name == null ? "" : name,
                email == null ? "" : email,
                roleIn(token));
    }

    /** This organiser, when their role allows the action; otherwise {@link ActionNotAllowed}. */
    public Organiser permittedTo(Capability capability) {
        if (!capability.allows(role)) {
            throw new ActionNotAllowed(capability, role);
        }
        return this;
    }

    /**
     * A token without a role was issued when every account was its organisation's only one, and so its
     * administrator. A role this service does not know allows nothing here: the least it can assume.
     */
    private static OrganisationRole roleIn(Jwt token) {
        String role = token.getClaimAsString(OrganisationRole.CLAIM);
        if (role == null) {
            return OrganisationRole.ADMIN;
        }
        try {
            return OrganisationRole.valueOf(role);
        } catch (IllegalArgumentException unknown) {
            throw new ActionNotAllowed(role);
        }
    }
}
