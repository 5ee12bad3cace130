package org.tirelire.donation.receipt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tirelire.donation.donation.PostalAddress;
import org.tirelire.kit.web.Problems;

/**
 * {@code GET /api/organisations/me/receipts/settings} and the answer to a {@code PUT}: the settings, and
 * {@code missing}, what must still be given before receipts can be turned on.
 *
 * @param issuing receipts are on and complete: donors may ask for one
 */
public record ReceiptSettingsView(
        boolean enabled,
        boolean issuing,
        @Nullable String legalName,
        @Nullable PostalAddress address,
        @Nullable String object,
        @Nullable LegalStatus legalStatus,
        @Nullable String rna,
        @Nullable String siren,
        List<String> articles,
        boolean reducedRate75,
        ReceiptSettingsRequest.@Nullable Signatory signatory,
        ReceiptMode mode,
        boolean signatureImage,
        @Nullable Instant eligibilityConfirmedAt,
        @Nullable String eligibilityConfirmedBy,
        @Nullable Instant updatedAt,
        List<Map<String, String>> missing) {

    static ReceiptSettingsView of(ReceiptSettings settings) {
        ReceiptSettings.Signatory signatory = settings.signatory();
        return new ReceiptSettingsView(
                settings.enabled(),
                settings.issuing(),
                settings.legalName(),
                settings.address(),
                settings.object(),
                settings.legalStatus(),
                settings.rna(),
                settings.siren(),
                settings.articles().stream().map(TaxArticle::code).toList(),
                settings.reducedRate75(),
                signatory == null ? null : new ReceiptSettingsRequest.Signatory(signatory.name(), signatory.title()),
                settings.mode(),
                settings.signatureId() != null,
                settings.eligibilityConfirmedAt(),
                settings.eligibilityConfirmedBy(),
                settings.updatedAt(),
                settings.missing().entrySet().stream()
                        .map(missing -> Problems.fieldError(missing.getKey(), missing.getValue()))
                        .toList());
    }
}
