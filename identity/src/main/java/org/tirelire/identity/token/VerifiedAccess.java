package org.tirelire.identity.token;

import java.time.Instant;

/**
 * What a valid access token states: who, for which organisation, and when they last typed their password. The role it carries is not
 * here on purpose: within the identity module the organisation's own document says who may do what, so a
 * role taken away counts at once rather than when the token expires.
 */
public record VerifiedAccess(String accountId, String organisationId, String email, Instant authenticatedAt) {}
