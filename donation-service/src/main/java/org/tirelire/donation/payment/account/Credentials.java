package org.tirelire.donation.payment.account;

import org.tirelire.donation.payment.ProviderKind;

/** What a provider needs to act for an organisation. Kept only encrypted ({@link CredentialCipher}), never shown. */
public sealed interface Credentials permits Credentials.Stripe, Credentials.HelloAsso {

    ProviderKind provider();

    /** The last characters of the secret, so an organiser can tell which key is in use. */
    String secretHint();

    /** A Stripe account: its secret (or restricted) API key, and the signing secret of its webhook endpoint. */
    record Stripe(String secretKey, String webhookSecret) implements Credentials {

        @Override
        public ProviderKind provider() {
            return ProviderKind.STRIPE;
        }

        @Override
        public String secretHint() {
            return hint(secretKey);
        }

        @Override
        public String toString() {
            return "Stripe credentials " + secretHint();
        }
    }

    /** A HelloAsso API client of the organisation, and the organisation's slug on HelloAsso. */
    record HelloAsso(String clientId, String clientSecret, String organisationSlug) implements Credentials {

        @Override
        public ProviderKind provider() {
            return ProviderKind.HELLOASSO;
        }

        @Override
        public String secretHint() {
            return hint(clientSecret);
        }

        @Override
        public String toString() {
            return "HelloAsso credentials for " + organisationSlug + " " + secretHint();
        }
    }

    private static String hint(String secret) {
        return "…" + secret.substring(Math.max(0, secret.length() - 4));
    }
}
