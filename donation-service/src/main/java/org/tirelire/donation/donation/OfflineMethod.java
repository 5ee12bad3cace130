package org.tirelire.donation.donation;

/** How an organiser collected a gift by hand. */
public enum OfflineMethod {
    CASH,
    CHEQUE,
    TRANSFER
}
