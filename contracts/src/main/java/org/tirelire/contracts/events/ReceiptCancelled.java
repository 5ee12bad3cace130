package org.tirelire.contracts.events;

import java.time.Instant;
import org.tirelire.contracts.money.Money;

/**
 * A receipt of an organisation's register was cancelled (its gift was refunded): it stays in the register,
 * marked cancelled, and the donor is told it no longer gives right to a tax reduction.
 *
 * @param reason why, in the organisation's words or the platform's ({@code refund})
 */
public record ReceiptCancelled(
        String organisationId,
        String receiptId,
        String number,
        DonationConfirmed.Donor donor,
        Money amount,
        String beneficiaryName,
        String reason,
        Instant cancelledAt)
        implements OrganisationEvent {

    @Override
    public void dispatchTo(OrganisationEvent.Handler handler) {
        handler.on(this);
    }
}
