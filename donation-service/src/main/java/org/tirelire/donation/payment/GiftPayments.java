package org.tirelire.donation.payment;

import java.util.Optional;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.contracts.money.Money;

/**
 * What the payment side may know of a gift to check what a provider says about it: whose it is (which
 * organisation's credentials verify it), under which reference it was started, and how much it is.
 * The gift's side implements it, so the payment package does not depend on donations.
 */
public interface GiftPayments {

    record GiftPayment(DonationId donationId, String organisationId, String paymentReference, Money amount) {}

    Optional<GiftPayment> find(DonationId donationId);
}
