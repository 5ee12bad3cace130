package org.tirelire.web.organiser;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.codec.multipart.FilePart;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.platform.PlatformRequests.ReceiptSettingsChange;
import org.tirelire.web.platform.PlatformViews.PostalAddress;
import org.tirelire.web.platform.PlatformViews.ReceiptSettings;
import org.tirelire.web.platform.PlatformViews.Signatory;

/**
 * The receipt settings as the treasurer typed them; donation-service checks them and names what is
 * missing. The password is asked again at every change, and never shown back.
 */
public record ReceiptSettingsForm(
        Boolean enabled,
        String legalName,
        String addressLine1,
        String addressLine2,
        String postalCode,
        String city,
        String country,
        String object,
        String legalStatus,
        String rna,
        String siren,
        List<String> articles,
        Boolean reducedRate75,
        String signatoryName,
        String signatoryTitle,
        String mode,
        Boolean eligibilityConfirmed,
        @Nullable FilePart signatureImage,
        String currentPassword) {

    public ReceiptSettingsForm {
        enabled = Boolean.TRUE.equals(enabled);
        legalName = FormInput.text(legalName);
        addressLine1 = FormInput.text(addressLine1);
        addressLine2 = FormInput.text(addressLine2);
        postalCode = FormInput.text(postalCode);
        city = FormInput.text(city);
        country = FormInput.text(country).isEmpty() ? "FR" : FormInput.text(country);
        object = FormInput.text(object);
        legalStatus = FormInput.text(legalStatus);
        rna = FormInput.text(rna);
        siren = FormInput.text(siren);
        articles = FormInput.texts(articles);
        reducedRate75 = Boolean.TRUE.equals(reducedRate75);
        signatoryName = FormInput.text(signatoryName);
        signatoryTitle = FormInput.text(signatoryTitle);
        mode = FormInput.text(mode).isEmpty() ? "PER_GIFT" : FormInput.text(mode);
        eligibilityConfirmed = Boolean.TRUE.equals(eligibilityConfirmed);
        currentPassword = currentPassword == null ? "" : currentPassword; // a password is taken as typed
    }

    /** The form filled with the settings as saved; the eligibility box is ticked again at each change. */
    static ReceiptSettingsForm of(ReceiptSettings settings) {
        PostalAddress address =
                settings.address() == null ? new PostalAddress("", "", "", "", "FR") : settings.address();
        Signatory signatory = settings.signatory() == null ? new Signatory("", "") : settings.signatory();
        return new ReceiptSettingsForm(
                settings.enabled(),
                settings.legalName(),
                address.line1(),
                address.line2(),
                address.postalCode(),
                address.city(),
                address.country(),
                settings.object(),
                settings.legalStatus(),
                settings.rna(),
                settings.siren(),
                settings.articles(),
                settings.reducedRate75(),
                signatory.name(),
                signatory.title(),
                settings.mode(),
                false,
                null,
                "");
    }

    /** @param signature the uploaded image in base64; null keeps the one the receipts print now */
    ReceiptSettingsChange toChange(@Nullable String signature) {
        return new ReceiptSettingsChange(
                enabled,
                legalName,
                addressLine1.isEmpty() && postalCode.isEmpty() && city.isEmpty()
                        ? null
                        : new PostalAddress(addressLine1, addressLine2, postalCode, city, country),
                object,
                legalStatus,
                rna,
                siren,
                articles,
                reducedRate75,
                new Signatory(signatoryName, signatoryTitle),
                mode,
                eligibilityConfirmed,
                signature,
                currentPassword);
    }

    /** The form shown again after a refusal: as typed, but without the password. */
    ReceiptSettingsForm withoutPassword() {
        return new ReceiptSettingsForm(
                enabled,
                legalName,
                addressLine1,
                addressLine2,
                postalCode,
                city,
                country,
                object,
                legalStatus,
                rna,
                siren,
                articles,
                reducedRate75,
                signatoryName,
                signatoryTitle,
                mode,
                eligibilityConfirmed,
                null,
                "");
    }

    public boolean hasArticle(String code) {
        return articles.contains(code);
    }

    @Override
    public String toString() {
        return "ReceiptSettingsForm[" + legalName + ", enabled=" + enabled + "]";
    }
}
