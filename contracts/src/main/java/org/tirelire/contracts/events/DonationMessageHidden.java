package org.tirelire.contracts.events;

import java.time.Instant;

/**
 * The organisation hid a donor's message from the public: live screens showing it (a stream's overlay)
 * take it down at once.
 */
public record DonationMessageHidden(String donationId, String campaignId, Instant hiddenAt) implements DonationEvent {

    @Override
    public void dispatchTo(DonationEvent.Handler handler) {
        handler.on(this);
    }
}
