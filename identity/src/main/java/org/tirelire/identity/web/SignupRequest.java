package org.tirelire.identity.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record SignupRequest(
        @NotBlank @Email @Size(max = 254) String email,

        @NotBlank @Size(min = 8, max = 128, message = "must be 8 to 128 characters")
        String password,

        @NotBlank @Size(max = 120) String organisationName) {}
