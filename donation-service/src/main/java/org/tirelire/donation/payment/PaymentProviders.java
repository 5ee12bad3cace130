package org.tirelire.donation.payment;

/** Which provider takes an organisation's gifts: its own connected account, or the sandbox. */
@FunctionalInterface
public interface PaymentProviders {

    PaymentProvider forOrganisation(String organisationId);
}
