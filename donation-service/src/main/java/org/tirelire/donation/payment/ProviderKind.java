package org.tirelire.donation.payment;

import java.util.Locale;

/** The payment services an organisation may collect its gifts through. */
public enum ProviderKind {
    /** Built in, no money moves: the default, and clearly labelled as such. */
    SANDBOX,
    /** Stripe Checkout, on the organisation's own Stripe account. */
    STRIPE,
    /** HelloAsso Checkout, on the organisation's own HelloAsso account (free for French associations). */
    HELLOASSO;

    /** The provider's name as people know it. */
    public String displayName() {
        return switch (this) {
            case SANDBOX -> "The sandbox";
            case STRIPE -> "Stripe";
            case HELLOASSO -> "HelloAsso";
        };
    }

    /** The name in the webhook path, {@code /api/payments/webhooks/{name}}. */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
