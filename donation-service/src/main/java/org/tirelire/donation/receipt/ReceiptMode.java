package org.tirelire.donation.receipt;

/** When donors get their receipts. */
public enum ReceiptMode {
    /** One receipt for each gift, as soon as it is confirmed. */
    PER_GIFT,
    /** One receipt per donor and year gathering their gifts, in January (or when the organisation asks). */
    ANNUAL
}
