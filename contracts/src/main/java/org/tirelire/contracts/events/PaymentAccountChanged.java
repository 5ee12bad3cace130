package org.tirelire.contracts.events;

import java.time.Instant;

/**
 * An organisation connected, changed or disconnected the payment account its gifts go to. Whoever can do
 * this can divert every future gift: the organisation is told, whoever did it.
 *
 * @param provider {@code SANDBOX}, {@code STRIPE} or {@code HELLOASSO}
 * @param status {@code CONNECTED} when the provider accepted the credentials, {@code INVALID} otherwise
 * @param changedBy the email of the organiser who made the change
 */
public record PaymentAccountChanged(
        String organisationId, String provider, String status, String changedBy, Instant changedAt)
        implements OrganisationEvent {

    @Override
    public void dispatchTo(OrganisationEvent.Handler handler) {
        handler.on(this);
    }
}
