package org.tirelire.identity.api;

/**
 * Who a valid access token names, as its claims say: shown in the pages' header, passed on as a bearer token.
 *
 * @param accountId the token's subject
 */
public record SignedInOrganiser(String accessToken, String accountId, String email, String organisationName) {}
