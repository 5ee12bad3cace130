package org.tirelire.identity.api;

/** Who a valid access token names, as its claims say: shown in the pages' header, passed on as a bearer token. */
public record SignedInOrganiser(String accessToken, String email, String organisationName) {}
