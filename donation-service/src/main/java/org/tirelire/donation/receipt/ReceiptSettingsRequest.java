package org.tirelire.donation.receipt;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tirelire.donation.donation.PostalAddress;

/**
 * {@code PUT /api/organisations/me/receipts}. Every field may be left out while receipts stay off, so that
 * a treasurer can fill the settings in several sittings; turning them on needs them all, and says which
 * are missing. Codes are taken as text, so that a wrong one is named rather than refused as unreadable.
 *
 * @param articles {@code 200}, {@code 238bis}, {@code 978}
 * @param legalStatus a {@link LegalStatus} name
 * @param mode {@code PER_GIFT} (the default) or {@code ANNUAL}
 * @param signatureImage a PNG or JPEG in base64 (a {@code data:} URL will do); left out keeps the current one, empty removes it
 */
public record ReceiptSettingsRequest(
        @Nullable Boolean enabled,
        @Size(max = 160) @Nullable String legalName,
        @Valid @Nullable PostalAddress address,
        @Size(max = 600) @Nullable String object,
        @Size(max = 40) @Nullable String legalStatus,
        @Size(max = 20) @Nullable String rna,
        @Size(max = 20) @Nullable String siren,
        @Size(max = 3) @Nullable List<@Size(max = 10) String> articles,
        @Nullable Boolean reducedRate75,
        @Valid @Nullable Signatory signatory,
        @Size(max = 12) @Nullable String mode,
        @Nullable Boolean eligibilityConfirmed,
        @Size(max = 400_000) @Nullable String signatureImage,
        @Size(max = 200) @Nullable String currentPassword) {

    /** Who signs the receipts: a person entitled to receive gifts for the organisation. */
    public record Signatory(
            @Size(max = 100) @Nullable String name,
            @Size(max = 100) @Nullable String title) {}
}
