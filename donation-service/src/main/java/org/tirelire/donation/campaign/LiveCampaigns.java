package org.tirelire.donation.campaign;

import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.ids.CampaignId;
import org.tirelire.kit.cache.RecentReads;
import org.tirelire.kit.messaging.EventsOnTheirWay;
import org.tirelire.kit.messaging.RecentlyPublished;

/**
 * Answers "may this campaign receive gifts?" from the local snapshots of campaign events (ADR 7), through
 * copies kept {@code tirelire.donations.campaign-cache} (2 s, ADR 38): a busy campaign costs one read of the
 * store every 2 s, not one per gift.
 *
 * <p>Another instance may thus take or confirm a gift from a copy read just before a campaign ended. So the
 * instance that hears an end giving gifts back waits for such copies to expire before it refunds
 * ({@link #waitForCopiesOlderThanNow}), and a gift confirmed later is given back on its confirmation (ADR 51).
 */
@Component
public class LiveCampaigns {

    /** Beyond a copy's life, so that two machines timing the same two seconds need not agree to the ms. */
    private static final Duration COPY_READ_MARGIN = Duration.ofMillis(500);

    private final CampaignSnapshots snapshots;
    private final Duration publicationGrace;
    private final Duration cacheFor;
    private final RecentReads<String, CampaignSnapshot> recent;
    private final EventsOnTheirWay eventsOnTheirWay;
    private final String campaignEventsTopic;
    private final String consumerGroup;

    public LiveCampaigns(
            CampaignSnapshots snapshots,
            @Value("${tirelire.donations.publication-grace:3s}") Duration publicationGrace,
            @Value("${tirelire.donations.campaign-cache:2s}") Duration cacheFor,
            EventsOnTheirWay eventsOnTheirWay,
            @Value("${spring.cloud.stream.bindings.campaignEvents-in-0.destination}") String campaignEventsTopic,
            @Value("${spring.cloud.stream.bindings.campaignEvents-in-0.group}") String consumerGroup) {
        this.snapshots = snapshots;
        this.publicationGrace = publicationGrace;
        this.cacheFor = cacheFor;
        this.recent = new RecentReads<>(cacheFor);
        this.eventsOnTheirWay = eventsOnTheirWay;
        this.campaignEventsTopic = campaignEventsTopic;
        this.consumerGroup = consumerGroup;
    }

    /**
     * The campaign's snapshot as read at most {@code campaign-cache} ago, waiting briefly for one published a
     * moment ago when there is none (its event may be on its way).
     */
    public Optional<CampaignSnapshot> find(CampaignId campaignId) {
        return recent.get(campaignId.value(), id -> read(id, publicationGrace));
    }

    /**
     * Whether a campaign this service has no snapshot of may yet be published here: its events' partition
     * holds records this service has not read. So it is when campaign-service published it a moment ago and
     * the event is late (a platform just started, or very busy); a campaign that does not exist gets this
     * answer only while such records wait.
     */
    public boolean publicationMayBeOnItsWay(CampaignId campaignId) {
        return eventsOnTheirWay.mayStillBring(campaignEventsTopic, consumerGroup, campaignId.value());
    }

    /** The campaign's snapshot as stored now, without waiting: what an event's change starts from. */
    public Optional<CampaignSnapshot> stored(String campaignId) {
        return snapshots.findById(campaignId);
    }

    /** The campaign as read at most {@code campaign-cache} ago, without waiting for a late publication. */
    public Optional<CampaignSnapshot> recentCopy(String campaignId) {
        return recent.get(campaignId, snapshots::findById);
    }

    /** Stores what a campaign event changed; this instance answers from the change at once. */
    public void save(CampaignSnapshot changed) {
        snapshots.save(changed);
        recent.put(changed.campaignId(), changed);
    }

    /**
     * Returns once no instance answers from a copy read before this call: every gift taken or confirmed from
     * an older copy is then stored as such, and what was saved before this call is seen everywhere.
     */
    public void waitForCopiesOlderThanNow() {
        try {
            Thread.sleep(cacheFor.plus(COPY_READ_MARGIN).toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Stopped while waiting for older copies of campaigns to expire", stopping);
        }
    }

    private Optional<CampaignSnapshot> read(String campaignId, Duration grace) {
        return RecentlyPublished.find(() -> snapshots.findById(campaignId), grace);
    }
}
