package org.tirelire.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

public record LoginRequest(
        @NotBlank @Size(max = 254) String email,
        @NotBlank @Size(max = 128) String password,
        /** For a person acting for several organisations: which one this session is for. */
        @Nullable @Size(max = 64) String organisationId,
        /** The authenticator's code (or a recovery code), for an account with two-factor sign-in. */
        @Nullable @Size(max = 32) String code) {}
