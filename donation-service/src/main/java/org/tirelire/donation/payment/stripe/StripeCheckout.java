package org.tirelire.donation.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.payment.PaymentOutcome;
import org.tirelire.donation.payment.PaymentProvider;
import org.tirelire.donation.payment.PaymentRefused;
import org.tirelire.donation.payment.PaymentRequest;
import org.tirelire.donation.payment.ProviderKind;
import org.tirelire.donation.payment.ProviderUnavailable;

/**
 * Gifts paid on Stripe Checkout, for one organisation: a Checkout Session hosted by Stripe (card with
 * 3-D Secure, wallets, SEPA Direct Debit), the donor sent there and back to the gift's page. Every call
 * carries an idempotency key made from the gift, so a retried call never charges or refunds twice.
 */
final class StripeCheckout implements PaymentProvider {

    static final String CARD = "card";
    static final String SEPA_DEBIT = "sepa_debit";
    static final String DONATION_ID = "donation_id";

    private final StripeClient stripe;

    StripeCheckout(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public ProviderKind kind() {
        return ProviderKind.STRIPE;
    }

    /** A card includes Apple Pay and Google Pay on Stripe's page. */
    @Override
    public Set<String> paymentMethods() {
        return Set.of(CARD, SEPA_DEBIT);
    }

    @Override
    public PaymentStart start(PaymentRequest request) {
        SessionCreateParams.Builder session = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(request.returnUrl().toString())
                .setCancelUrl(request.returnUrl().toString())
                .setClientReferenceId(request.donationId().value())
                .putMetadata(DONATION_ID, request.donationId().value())
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .putMetadata(DONATION_ID, request.donationId().value())
                        .build())
                .addPaymentMethodType(
                        SEPA_DEBIT.equals(request.paymentMethod())
                                ? SessionCreateParams.PaymentMethodType.SEPA_DEBIT
                                : SessionCreateParams.PaymentMethodType.CARD)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(request.amount().currency().toLowerCase(Locale.ROOT))
                                .setUnitAmount(request.amount().amount())
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(request.description())
                                        .build())
                                .build())
                        .build());
        if (request.payer() != null) {
            session.setCustomerEmail(request.payer().email());
        }
        try {
            Session created = stripe.checkout()
                    .sessions()
                    .create(
                            session.build(),
                            idempotent("checkout-" + request.donationId().value()));
            return new PaymentStart.Accepted(created.getId(), URI.create(created.getUrl()));
        } catch (InvalidRequestException refused) {
            return new PaymentStart.Declined(
                    "Stripe refused the payment: " + refused.getStripeError().getMessage());
        } catch (ApiConnectionException | ApiException unavailable) {
            throw new ProviderUnavailable(kind(), unavailable.getMessage());
        } catch (StripeException other) {
            return new PaymentStart.Declined("Stripe refused the payment: " + other.getMessage());
        }
    }

    @Override
    public void refund(DonationId donationId, String paymentReference, Money amount) {
        try {
            stripe.refunds()
                    .create(
                            RefundCreateParams.builder()
                                    .setPaymentIntent(paymentReference)
                                    .setAmount(amount.amount())
                                    .putMetadata(DONATION_ID, donationId.value())
                                    .build(),
                            idempotent("refund-" + donationId.value()));
        } catch (InvalidRequestException refused) {
            if ("charge_already_refunded".equals(refused.getCode())) {
                return; // refunded from the Stripe dashboard already: the same end
            }
            throw new PaymentRefused(
                    "Stripe refused the refund: " + refused.getStripeError().getMessage());
        } catch (ApiConnectionException | ApiException unavailable) {
            throw new ProviderUnavailable(kind(), unavailable.getMessage());
        } catch (StripeException other) {
            throw new PaymentRefused("Stripe refused the refund: " + other.getMessage());
        }
    }

    /** The Checkout Session as Stripe has it now: paid, expired, or still open (nothing to say yet). */
    @Override
    public Optional<PaymentOutcome> followUp(DonationId donationId, String paymentReference) {
        if (!paymentReference.startsWith("cs_")) {
            return Optional.empty();
        }
        try {
            Session session = stripe.checkout().sessions().retrieve(paymentReference);
            return StripeSessions.outcomeOf("reconciliation-" + session.getId(), session, donationId);
        } catch (ApiConnectionException | ApiException unavailable) {
            throw new ProviderUnavailable(kind(), unavailable.getMessage());
        } catch (StripeException other) {
            throw new PaymentRefused("Stripe would not tell the payment's state: " + other.getMessage());
        }
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey("tirelire-" + key).build();
    }
}
