package org.tirelire.donation.payment;

import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * Where one kind of provider tells the outcome of payments ({@code POST /api/payments/webhooks/{name}}).
 * Nothing is trusted before it is verified: a signature with the organisation's secret, or the provider's
 * own API asked again.
 */
public interface PaymentWebhooks {

    ProviderKind kind();

    /**
     * The verified outcome the request carries; empty when it changes no gift (an event of no interest, a
     * payment still processing).
     *
     * @throws InvalidWebhook when it is not what the provider sends, or does not verify
     */
    Optional<PaymentOutcome> receive(byte[] body, HttpHeaders headers);
}
