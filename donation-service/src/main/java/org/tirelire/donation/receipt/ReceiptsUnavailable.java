package org.tirelire.donation.receipt;

/** Receipts asked of an organisation that does not issue them (now, or in this way): answered 409. */
public class ReceiptsUnavailable extends RuntimeException {

    public ReceiptsUnavailable(String message) {
        super(message);
    }
}
