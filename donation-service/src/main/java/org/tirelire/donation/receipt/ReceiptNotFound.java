package org.tirelire.donation.receipt;

/** No such receipt in the register, or none for this gift: answered 404. */
public class ReceiptNotFound extends RuntimeException {

    public ReceiptNotFound(String message) {
        super(message);
    }
}
