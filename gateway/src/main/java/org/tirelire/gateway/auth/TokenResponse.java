package org.tirelire.gateway.auth;

/** {@code POST /api/auth/login}: an OAuth-style bearer token and its lifetime in seconds. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn) {}
