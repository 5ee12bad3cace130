package org.tirelire.donation.receipt;

import org.tirelire.donation.donation.Donation;

/** How a gift was paid, as a receipt names it. */
public enum PaymentMeans {
    CARD("Carte bancaire"),
    DIRECT_DEBIT("Prélèvement"),
    TRANSFER("Virement"),
    CHEQUE("Chèque"),
    CASH("Espèces");

    private final String printed;

    PaymentMeans(String printed) {
        this.printed = printed;
    }

    public String printed() {
        return printed;
    }

    /** Offline, as the organiser recorded it; online, a SEPA debit or else a card (wallets are cards). */
    static PaymentMeans of(Donation gift) {
        if (gift.offlineMethod() != null) {
            return switch (gift.offlineMethod()) {
                case CASH -> CASH;
                case CHEQUE -> CHEQUE;
                case TRANSFER -> TRANSFER;
            };
        }
        return "sepa_debit".equals(gift.paymentMethod()) ? DIRECT_DEBIT : CARD;
    }
}
