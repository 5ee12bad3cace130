package org.tirelire.donation.campaign;

import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.ids.CampaignId;
import org.tirelire.kit.messaging.RecentlyPublished;

/** Answers "may this campaign receive gifts?" from the local snapshots of campaign events (ADR 7). */
@Component
public class LiveCampaigns {

    private final CampaignSnapshots snapshots;
    private final Duration publicationGrace;

    public LiveCampaigns(
            CampaignSnapshots snapshots,
            @Value("${tirelire.donations.publication-grace:3s}") Duration publicationGrace) {
        this.snapshots = snapshots;
        this.publicationGrace = publicationGrace;
    }

    /** The campaign's snapshot, waiting briefly for one published a moment ago (its event may be on its way). */
    public Optional<CampaignSnapshot> find(CampaignId campaignId) {
        return RecentlyPublished.find(() -> snapshots.findById(campaignId.value()), publicationGrace);
    }
}
