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

    /** The campaign as read a moment ago (its organisation, its title): at most 2 s old. */
    public Optional<CampaignSummary> find(String campaignId) {
        return recent.get(campaignId, summaries::findById);
    }

    /** The campaign as stored now: what an event's change starts from. */
    public Optional<CampaignSummary> stored(String campaignId) {
        Optional<CampaignSummary> read = summaries.findById(campaignId);
        read.ifPresent(summary -> recent.put(campaignId, summary));
        return read;
    }

    /** Stores what a campaign event changed; this replica answers from it at once. */
    public void save(CampaignSummary changed) {
        summaries.save(changed);
        recent.put(changed.campaignId(), changed);
    }
}
