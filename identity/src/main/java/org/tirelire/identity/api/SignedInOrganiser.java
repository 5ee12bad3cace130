package org.tirelire.identity.api;

/**
 * Who a valid access token names, as its claims say: shown in the pages' header, passed on as a bearer token.
 *
 * @param accountId the token's subject
 * @param role their role in the organisation ({@code ADMIN} in tokens from before roles existed)
 */
public record SignedInOrganiser(
        String accessToken, String accountId, String email, String organisationName, String role) {}
