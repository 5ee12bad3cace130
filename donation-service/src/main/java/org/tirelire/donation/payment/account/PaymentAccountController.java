package org.tirelire.donation.payment.account;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tirelire.contracts.access.Capability;
import org.tirelire.donation.identity.PasswordConfirmation;
import org.tirelire.kit.security.Organiser;

/**
 * {@code GET} and {@code PUT /api/organisations/me/payments}: where the signed-in organiser's organisation
 * collects its gifts. A change asks for the organiser's password again; secrets never come back.
 */
@RestController
class PaymentAccountController {

    private final PaymentAccountSettings settings;
    private final PasswordConfirmation passwords;

    PaymentAccountController(PaymentAccountSettings settings, PasswordConfirmation passwords) {
        this.settings = settings;
        this.passwords = passwords;
    }

    @GetMapping("/api/organisations/me/payments")
    PaymentAccountView current(@AuthenticationPrincipal Jwt token) {
        return settings.current(
                Organiser.from(token).permittedTo(Capability.SEE_CAMPAIGNS).organisationId());
    }

    @PutMapping("/api/organisations/me/payments")
    PaymentAccountView connect(@AuthenticationPrincipal Jwt token, @Valid @RequestBody PaymentAccountRequest request) {
        Organiser organiser = Organiser.from(token).permittedTo(Capability.MANAGE_SETTINGS);
        if (request.currentPassword() == null || request.currentPassword().isBlank()) {
            throw new PaymentAccountRefused(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "currentPassword",
                    "Type your current password again to change where gifts are paid");
        }
        passwords.confirm(token, request.currentPassword());
        return settings.connect(organiser, request);
    }
}
