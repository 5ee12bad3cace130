package org.tirelire.donation.payment.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.SetupIntent;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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
 *
 * <p>A recurring gift's first charge makes Stripe keep the donor's method on a Customer
 * ({@code setup_future_usage=off_session}; for SEPA, the mandate the donor signs on the page); each next
 * charge is an off-session PaymentIntent with that method ({@link #chargeSavedMethod}). A charge's gift
 * id is derived from its subscription, period and attempt, so its idempotency key is too.
 */
final class StripeCheckout implements PaymentProvider {

    static final String CARD = "card";
    static final String SEPA_DEBIT = "sepa_debit";
    static final String DONATION_ID = "donation_id";
    static final String SUBSCRIPTION_ID = "subscription_id";
    static final String PAYMENT_METHOD = "payment_method";

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
        return request.repeatCharge() ? chargeSavedMethod(request) : checkout(request);
    }

    private PaymentStart checkout(PaymentRequest request) {
        SessionCreateParams.PaymentIntentData.Builder paymentIntent = SessionCreateParams.PaymentIntentData.builder()
                .putMetadata(DONATION_ID, request.donationId().value());
        if (request.recurrence() == PaymentRequest.Recurrence.FIRST_CHARGE) {
            paymentIntent.setSetupFutureUsage(SessionCreateParams.PaymentIntentData.SetupFutureUsage.OFF_SESSION);
        }
        SessionCreateParams.Builder session = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(request.returnUrl().toString())
                .setCancelUrl(request.returnUrl().toString())
                .setClientReferenceId(request.donationId().value())
                .putMetadata(DONATION_ID, request.donationId().value())
                .setPaymentIntentData(paymentIntent.build())
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
        if (request.recurrence() == PaymentRequest.Recurrence.FIRST_CHARGE) {
            session.setCustomerCreation(SessionCreateParams.CustomerCreation.ALWAYS);
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

    /**
     * A recurring gift's next charge, taken without the donor: the method saved by the payment the mandate
     * names, charged off-session. A card is usually paid at once; a direct debit is processing, and its
     * outcome comes days later by webhook. A bank that declines, or asks the donor to authenticate, declines
     * the charge: the gift is retried, and the donor told how to give another method.
     */
    private PaymentStart chargeSavedMethod(PaymentRequest request) {
        try {
            SavedMethod saved = savedMethodOf(request.mandate());
            if (saved == null) {
                return new PaymentStart.Declined("No payment method was saved for this gift yet");
            }
            PaymentIntent charge = stripe.paymentIntents()
                    .create(
                            PaymentIntentCreateParams.builder()
                                    .setAmount(request.amount().amount())
                                    .setCurrency(request.amount().currency().toLowerCase(Locale.ROOT))
                                    .setCustomer(saved.customer())
                                    .setPaymentMethod(saved.paymentMethod())
                                    .addPaymentMethodType(
                                            SEPA_DEBIT.equals(request.paymentMethod()) ? SEPA_DEBIT : CARD)
                                    .setOffSession(true)
                                    .setConfirm(true)
                                    .setDescription(request.description())
                                    .putMetadata(
                                            DONATION_ID, request.donationId().value())
                                    .build(),
                            idempotent("charge-" + request.donationId().value()));
            if ("succeeded".equals(charge.getStatus())) {
                return new PaymentStart.Paid(
                        charge.getId(),
                        Money.of(
                                charge.getAmountReceived(), charge.getCurrency().toUpperCase(Locale.ROOT)));
            }
            return new PaymentStart.Accepted(charge.getId(), null);
        } catch (CardException declined) {
            return new PaymentStart.Declined(
                    "authentication_required".equals(declined.getCode())
                            ? "The bank asks the donor to confirm this payment: they can give their card again from their"
                                    + " gift's page"
                            : "The bank declined the charge: " + declined.getMessage());
        } catch (InvalidRequestException refused) {
            return new PaymentStart.Declined(
                    "Stripe refused the charge: " + refused.getStripeError().getMessage());
        } catch (ApiConnectionException | ApiException unavailable) {
            throw new ProviderUnavailable(kind(), unavailable.getMessage());
        } catch (StripeException other) {
            return new PaymentStart.Declined("Stripe refused the charge: " + other.getMessage());
        }
    }

    /**
     * A Checkout Session in setup mode, for the donor's customer: the donor gives a new card, or signs a new
     * debit mandate, on Stripe's page; its webhook names the subscription and the SetupIntent that saved it.
     */
    @Override
    public MethodChange changeSavedMethod(MethodChangeRequest request) {
        try {
            SavedMethod saved = savedMethodOf(request.mandate());
            SessionCreateParams.Builder session = SessionCreateParams.builder()
                    .setMode(SessionCreateParams.Mode.SETUP)
                    .setSuccessUrl(request.returnUrl().toString())
                    .setCancelUrl(request.returnUrl().toString())
                    .addPaymentMethodType(
                            SEPA_DEBIT.equals(request.paymentMethod())
                                    ? SessionCreateParams.PaymentMethodType.SEPA_DEBIT
                                    : SessionCreateParams.PaymentMethodType.CARD)
                    .putMetadata(SUBSCRIPTION_ID, request.subscriptionId())
                    .putMetadata(PAYMENT_METHOD, request.paymentMethod())
                    .setSetupIntentData(SessionCreateParams.SetupIntentData.builder()
                            .putMetadata(SUBSCRIPTION_ID, request.subscriptionId())
                            .build());
            if (saved != null) {
                session.setCustomer(saved.customer());
            }
            Session created = stripe.checkout().sessions().create(session.build());
            return new MethodChange.OnProviderPage(URI.create(created.getUrl()));
        } catch (InvalidRequestException refused) {
            return new MethodChange.Declined(
                    "Stripe refused: " + refused.getStripeError().getMessage());
        } catch (ApiConnectionException | ApiException unavailable) {
            throw new ProviderUnavailable(kind(), unavailable.getMessage());
        } catch (StripeException other) {
            return new MethodChange.Declined("Stripe refused: " + other.getMessage());
        }
    }

    private record SavedMethod(String customer, String paymentMethod) {}

    /** The customer and method kept by the payment (pi_) or set-up (seti_) the mandate names. */
    private @Nullable SavedMethod savedMethodOf(@Nullable String mandate) throws StripeException {
        if (mandate == null) {
            return null;
        }
        String customer;
        String method;
        if (mandate.startsWith("pi_")) {
            PaymentIntent first = stripe.paymentIntents().retrieve(mandate);
            customer = first.getCustomer();
            method = first.getPaymentMethod();
        } else if (mandate.startsWith("seti_")) {
            SetupIntent setUp = stripe.setupIntents().retrieve(mandate);
            customer = setUp.getCustomer();
            method = setUp.getPaymentMethod();
        } else {
            return null;
        }
        return customer == null || method == null ? null : new SavedMethod(customer, method);
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

    /**
     * The Checkout Session, or a repeat charge's PaymentIntent, as Stripe has it now: paid, failed, or
     * nothing to say yet (still open, or a direct debit processing).
     */
    @Override
    public Optional<PaymentOutcome> followUp(DonationId donationId, String paymentReference) {
        try {
            if (paymentReference.startsWith("pi_")) {
                PaymentIntent charge = stripe.paymentIntents().retrieve(paymentReference);
                return StripeSessions.outcomeOf("reconciliation-" + charge.getId(), charge, donationId);
            }
            if (!paymentReference.startsWith("cs_")) {
                return Optional.empty();
            }
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
