package org.tirelire.donation.donation;

import org.tirelire.contracts.events.DonationConfirmed;

/** Who gave. Only the organiser of the campaign ever sees the email. */
public record Donor(String firstName, String lastName, String email, String locale) {

    DonationConfirmed.Donor toEvent() {
        return new DonationConfirmed.Donor(firstName, lastName, email, locale);
    }
}
