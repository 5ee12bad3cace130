package org.tirelire.donation.donation;

import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.donation.payment.GiftPayments;

/** What the payment side may know of a recorded gift, to check a provider's word about it. */
@Component
class GiftPaymentsOnRecord implements GiftPayments {

    private final DonationRepository donations;

    GiftPaymentsOnRecord(DonationRepository donations) {
        this.donations = donations;
    }

    @Override
    public Optional<GiftPayment> find(DonationId donationId) {
        return donations
                .findById(donationId.value())
                .filter(donation -> donation.paymentReference() != null)
                .map(donation -> new GiftPayment(
                        donationId, donation.organisationId(), donation.paymentReference(), donation.amount()));
    }
}
