package org.tirelire.donation.donation;

import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.events.DonationConfirmed;

/**
 * Who gave. Only the organiser of the campaign ever sees the email.
 *
 * @param address the postal address a tax receipt needs; only when the donor asked for one
 */
public record Donor(
        String firstName,
        String lastName,
        String email,
        String locale,
        @Nullable PostalAddress address) {

    public Donor(String firstName, String lastName, String email, String locale) {
        this(firstName, lastName, email, locale, null);
    }

    public DonationConfirmed.Donor toEvent() {
        return new DonationConfirmed.Donor(firstName, lastName, email, locale);
    }

    Donor at(PostalAddress postalAddress) {
        return new Donor(firstName, lastName, email, locale, postalAddress);
    }
}
