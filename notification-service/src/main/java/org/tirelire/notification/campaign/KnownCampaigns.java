package org.tirelire.notification.campaign;

import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tirelire.kit.cache.RecentReads;

/**
 * The campaigns every gift's thank-you and webhooks read, kept in memory for {@code
 * tirelire.notifications.campaign-cache} (2 s): a busy campaign costs one read every few seconds, not
 * one per gift. The campaign events write through here (ADR 38).
 */
@Component
public class KnownCampaigns {

    private final CampaignSummaries summaries;
    private final RecentReads<String, CampaignSummary> recent;

    KnownCampaigns(
            CampaignSummaries summaries, @Value("${tirelire.notifications.campaign-cache:2s}") Duration cacheFor) {
        this.summaries = summaries;
        this.recent = new RecentReads<>(cacheFor);
    }

    public Optional<CampaignSummary> find(String campaignId) {
        return recent.get(campaignId, summaries::findById);
    }

    /** Stores what a campaign event changed; this replica answers from it at once. */
    public void save(CampaignSummary changed) {
        summaries.save(changed);
        recent.put(changed.campaignId(), changed);
    }
}
