package org.tirelire.identity.web;

import org.jspecify.annotations.Nullable;

/** The token of an {@code Authorization: Bearer …} header; empty for anything else, which no key verifies. */
final class BearerTokens {

    private static final String BEARER = "Bearer ";

    private BearerTokens() {}

    static String of(@Nullable String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip()
                : "";
    }
}
