package org.tirelire.donation.campaign;

import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Answers "may this campaign receive gifts?" from the local snapshots. A campaign published a moment
 * ago may not have reached us yet, so an unknown campaign is looked up again for a short while before
 * the gift is refused: a donor who follows the link right after publication is not turned away.
 */
@Component
public class LiveCampaigns {

    private static final Duration POLL = Duration.ofMillis(50);

    private final CampaignSnapshots snapshots;
    private final Duration publicationGrace;

    LiveCampaigns(
            CampaignSnapshots snapshots,
            @Value("${tirelire.donations.publication-grace:3s}") Duration publicationGrace) {
        this.snapshots = snapshots;
        this.publicationGrace = publicationGrace;
    }

    public Optional<CampaignSnapshot> find(String campaignId) {
        long deadline = System.nanoTime() + publicationGrace.toNanos();
        while (true) {
            Optional<CampaignSnapshot> snapshot = snapshots.findById(campaignId);
            if (snapshot.isPresent() || System.nanoTime() > deadline) {
                return snapshot;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
