package org.tirelire.donation.payment.stripe;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stripe, under {@code tirelire.payments.stripe}.
 *
 * @param apiBase where Stripe's API answers (env {@code TIRELIRE_PAYMENTS_STRIPE_API_BASE}; a stand-in in tests)
 * @param webhookTolerance how old a signed webhook may be: Stripe's own default, against replays
 */
@ConfigurationProperties("tirelire.payments.stripe")
public record StripeProperties(
        @DefaultValue("https://api.stripe.com") String apiBase,
        @DefaultValue("300s") Duration webhookTolerance) {}
