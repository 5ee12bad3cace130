package org.tirelire.donation.payment.stripe;

import com.stripe.model.checkout.Session;
import java.util.Locale;
import java.util.Optional;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.payment.PaymentOutcome;

/**
 * What a Checkout Session says of its gift, the same whether a webhook brought it or a follow-up asked:
 * paid (with what Stripe took, checked against the gift), failed, or nothing yet (still open, or a direct
 * debit still processing, which Stripe settles days later).
 */
final class StripeSessions {

    private StripeSessions() {}

    static Optional<PaymentOutcome> outcomeOf(String eventId, Session session, DonationId donationId) {
        if ("expired".equals(session.getStatus())) {
            return Optional.of(PaymentOutcome.failed(
                    eventId, donationId, session.getId(), "The donor left Stripe's payment page without paying"));
        }
        if ("complete".equals(session.getStatus()) && "paid".equals(session.getPaymentStatus())) {
            return Optional.of(PaymentOutcome.succeeded(
                    eventId,
                    donationId,
                    session.getPaymentIntent() == null ? session.getId() : session.getPaymentIntent(),
                    Money.of(session.getAmountTotal(), session.getCurrency().toUpperCase(Locale.ROOT))));
        }
        return Optional.empty();
    }

    static Optional<PaymentOutcome> asyncPaymentFailed(String eventId, Session session, DonationId donationId) {
        return Optional.of(
                PaymentOutcome.failed(eventId, donationId, session.getId(), "The bank refused the direct debit"));
    }
}
