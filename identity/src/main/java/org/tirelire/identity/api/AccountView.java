package org.tirelire.identity.api;

/** A new organiser account as {@code POST /api/auth/signup} answers it: never its password. */
public record AccountView(String id, String email, String organisationId, String organisationName) {}
