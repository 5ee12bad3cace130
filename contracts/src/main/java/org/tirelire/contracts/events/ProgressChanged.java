package org.tirelire.contracts.events;

import java.time.Instant;
import org.tirelire.contracts.money.Money;

/** A campaign's total changed: a gift was confirmed or refunded. */
public record ProgressChanged(
        String campaignId, Money goal, Money raised, long donationCount, int percent, Instant changedAt)
        implements CampaignEvent {

    @Override
    public void dispatchTo(CampaignEvent.Handler handler) {
        handler.on(this);
    }
}
