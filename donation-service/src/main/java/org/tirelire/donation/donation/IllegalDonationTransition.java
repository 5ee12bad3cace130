package org.tirelire.donation.donation;

public class IllegalDonationTransition extends RuntimeException {

    public IllegalDonationTransition(String donationId, DonationStatus from, DonationStatus to) {
        super("Donation " + donationId + " is " + from + " and cannot become " + to);
    }
}
