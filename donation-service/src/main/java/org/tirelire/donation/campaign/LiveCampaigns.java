package org.tirelire.donation.campaign;

import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.ids.CampaignId;
import org.tirelire.kit.cache.RecentReads;
import org.tirelire.kit.messaging.RecentlyPublished;

/**
 * Answers "may this campaign receive gifts?" from the local snapshots of campaign events (ADR 7).
 *
 * <p>Every gift reads its campaign twice (to accept it, then to describe its payment): the snapshots
 * are kept in memory for {@code tirelire.donations.campaign-cache} (2 s). The replica that hears a
 * campaign event writes through here and sees the change at once; another replica sees it within that
 * time, on top of the event's own way there (ADR 38).
 */
@Component
public class LiveCampaigns {

    private final CampaignSnapshots snapshots;
    private final Duration publicationGrace;
    private final RecentReads<String, CampaignSnapshot> recent;

    public LiveCampaigns(
            CampaignSnapshots snapshots,
            @Value("${tirelire.donations.publication-grace:3s}") Duration publicationGrace,
            @Value("${tirelire.donations.campaign-cache:2s}") Duration cacheFor) {
        this.snapshots = snapshots;
        this.publicationGrace = publicationGrace;
        this.recent = new RecentReads<>(cacheFor);
    }

    /** The campaign's snapshot, waiting briefly for one published a moment ago (its event may be on its way). */
    public Optional<CampaignSnapshot> find(CampaignId campaignId) {
        return recent.get(
                campaignId.value(), id -> RecentlyPublished.find(() -> snapshots.findById(id), publicationGrace));
    }

    /** The campaign's snapshot as stored, without waiting for one on its way. */
    public Optional<CampaignSnapshot> known(String campaignId) {
        return recent.get(campaignId, snapshots::findById);
    }

    /** Stores what a campaign event changed; this replica answers from it at once. */
    public void save(CampaignSnapshot changed) {
        snapshots.save(changed);
        recent.put(changed.campaignId(), changed);
    }
}
