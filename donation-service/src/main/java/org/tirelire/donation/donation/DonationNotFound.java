package org.tirelire.donation.donation;

public class DonationNotFound extends RuntimeException {

    public DonationNotFound(String donationId) {
        super("No donation has the id '" + donationId + "'");
    }
}
