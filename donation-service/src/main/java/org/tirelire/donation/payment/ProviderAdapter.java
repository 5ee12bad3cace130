package org.tirelire.donation.payment;

import org.jspecify.annotations.Nullable;
import org.tirelire.donation.payment.account.Credentials;

/** One kind of real provider (Stripe, HelloAsso): acting for an organisation, and checking its credentials. */
public interface ProviderAdapter {

    ProviderKind kind();

    /** The provider, acting for this organisation with its credentials. */
    PaymentProvider actingFor(Credentials credentials);

    /** Whether the provider accepts these credentials, asked as the organisation would ask it. */
    Connection check(Credentials credentials);

    /** What a check found: accepted, or refused with a reason an organiser can act on. */
    record Connection(boolean accepted, @Nullable String detail) {

        public static Connection ok() {
            return new Connection(true, null);
        }

        public static Connection refusedBecause(String detail) {
            return new Connection(false, detail);
        }
    }
}
