package org.tirelire.donation.receipt;

/** A receipt link whose signature does not hold or that has expired: answered 403. */
public class ReceiptLinkRefused extends RuntimeException {

    public ReceiptLinkRefused() {
        super("This receipt link is not valid or has expired: open the gift's page for a new one");
    }
}
