package org.tirelire.contracts.events;

import java.time.Instant;

/** An organiser posted news ("actualité") on a campaign; donors who consented hear about it. */
public record NewsPublished(
        String newsId, String campaignId, String organisationId, String title, String body, Instant publishedAt)
        implements CampaignEvent {

    @Override
    public void dispatchTo(CampaignEvent.Handler handler) {
        handler.on(this);
    }
}
