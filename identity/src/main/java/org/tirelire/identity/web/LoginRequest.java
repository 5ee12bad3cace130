package org.tirelire.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

public record LoginRequest(
        @NotBlank @Size(max = 254) String email,
        @NotBlank @Size(max = 128) String password,
        /** For a person acting for several organisations: which one this session is for. */
        @Nullable @Size(max = 64) String organisationId) {}
