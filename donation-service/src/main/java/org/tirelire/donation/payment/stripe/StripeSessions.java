package org.tirelire.donation.payment.stripe;

import com.stripe.model.PaymentIntent;
import com.stripe.model.checkout.Session;
import java.util.Locale;
import java.util.Optional;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.payment.PaymentOutcome;

/**
 * What a Checkout Session, or a repeat charge's PaymentIntent, says of its gift, the same whether a webhook
 * brought it or a follow-up asked: paid (with what Stripe took, checked against the gift), failed, or
 * nothing yet (still open, or a direct debit still processing, which Stripe settles days later).
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

    /** A repeat charge's PaymentIntent: succeeded, failed (its method was refused), or still processing. */
    static Optional<PaymentOutcome> outcomeOf(String eventId, PaymentIntent charge, DonationId donationId) {
        if ("succeeded".equals(charge.getStatus())) {
            return Optional.of(PaymentOutcome.succeeded(
                    eventId,
                    donationId,
                    charge.getId(),
                    Money.of(charge.getAmountReceived(), charge.getCurrency().toUpperCase(Locale.ROOT))));
        }
        if ("requires_payment_method".equals(charge.getStatus()) || "canceled".equals(charge.getStatus())) {
            String reason = charge.getLastPaymentError() == null
                    ? "The charge was refused"
                    : "The charge was refused: " + charge.getLastPaymentError().getMessage();
            return Optional.of(PaymentOutcome.failed(eventId, donationId, charge.getId(), reason));
        }
        return Optional.empty();
    }

    static Optional<PaymentOutcome> asyncPaymentFailed(String eventId, Session session, DonationId donationId) {
        return Optional.of(
                PaymentOutcome.failed(eventId, donationId, session.getId(), "The bank refused the direct debit"));
    }
}
