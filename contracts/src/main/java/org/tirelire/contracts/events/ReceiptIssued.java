package org.tirelire.contracts.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/**
 * A tax receipt (reçu au titre des dons) was entered in an organisation's register, for the donor to be
 * sent. The register in donation-service is the record; this carries what the email needs, the PDF
 * included, so that sending it asks no other service.
 *
 * @param receiptId the register entry's id, unique across organisations
 * @param number the organisation's order number for the year, {@code R-2026-000001}
 * @param kind {@code GIFT} for one gift, {@code ANNUAL} for the year's gifts of one donor
 * @param donationIds the gifts it covers
 * @param donor who it is made out to; the email may be blank for a gift recorded offline without one
 * @param replaces the number of the cancelled receipt this one corrects, if any
 * @param pdf the receipt as issued, a PDF in base64
 */
public record ReceiptIssued(
        String organisationId,
        String receiptId,
        String number,
        String kind,
        java.util.List<String> donationIds,
        DonationConfirmed.Donor donor,
        Money amount,
        String beneficiaryName,
        @Nullable String replaces,
        String pdf,
        Instant issuedAt)
        implements OrganisationEvent {

    public ReceiptIssued {
        donationIds = java.util.List.copyOf(donationIds);
    }

    @Override
    public void dispatchTo(OrganisationEvent.Handler handler) {
        handler.on(this);
    }
}
