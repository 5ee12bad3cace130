package org.tirelire.web.organiser;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.platform.PlatformRequests.PaymentAccountChange;

/**
 * Where the organisation's gifts go: the sandbox, or its own Stripe or HelloAsso account with what that
 * provider needs; the organiser's current password every time. Secrets typed here are never shown again.
 */
public record PaymentAccountForm(
        @Pattern(regexp = "SANDBOX|STRIPE|HELLOASSO", message = "payments.error.provider")
        String provider,

        String secretKey,
        String webhookSecret,
        String clientId,
        String clientSecret,
        String organisationSlug,

        @NotBlank(message = "payments.error.currentPassword")
        String currentPassword) {

    public PaymentAccountForm {
        provider = FormInput.text(provider);
        secretKey = FormInput.text(secretKey);
        webhookSecret = FormInput.text(webhookSecret);
        clientId = FormInput.text(clientId);
        clientSecret = FormInput.text(clientSecret);
        organisationSlug = FormInput.text(organisationSlug);
        currentPassword = currentPassword == null ? "" : currentPassword; // a password is taken as typed
    }

    /** Only what the chosen provider needs is sent. */
    PaymentAccountChange toChange() {
        boolean stripe = "STRIPE".equals(provider);
        boolean helloAsso = "HELLOASSO".equals(provider);
        return new PaymentAccountChange(
                provider,
                stripe ? secretKey : null,
                stripe ? webhookSecret : null,
                helloAsso ? clientId : null,
                helloAsso ? clientSecret : null,
                helloAsso ? organisationSlug : null,
                currentPassword);
    }

    /** The form shown again after a refusal: what was typed, but no secret and no password. */
    PaymentAccountForm withoutSecrets() {
        return new PaymentAccountForm(provider, "", "", clientId, "", organisationSlug, "");
    }

    static PaymentAccountForm showing(String provider) {
        return new PaymentAccountForm(provider, "", "", "", "", "", "");
    }

    @Override
    public String toString() {
        return "PaymentAccountForm[" + provider + "]";
    }
}
