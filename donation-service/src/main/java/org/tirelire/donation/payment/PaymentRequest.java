package org.tirelire.donation.payment;

import java.net.URI;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.contracts.money.Money;

/**
 * What a provider needs to take a payment: how much, for which gift (its reference on the provider's
 * side, and in the webhooks that come back), with which of its methods, and where a donor who paid on the
 * provider's own page returns to.
 */
public record PaymentRequest(DonationId donationId, Money amount, String paymentMethod, URI returnUrl) {}
