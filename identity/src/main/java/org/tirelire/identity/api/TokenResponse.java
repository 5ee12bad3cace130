package org.tirelire.identity.api;

/**
 * {@code POST /api/auth/login} and {@code /api/auth/refresh}: an OAuth-style bearer token and its
 * lifetime in seconds, and the refresh token that gets the next one (once) without the password.
 */
public record TokenResponse(
        String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {}
