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
 * Answers "may this campaign receive gifts?" from the local snapshots of campaign events (ADR 7).
 *
 * <p>Whether a campaign takes gifts is always read from the store: the instance that hears a campaign's
 * end refunds its gifts when it must, and a gift another instance took from an older copy would escape
 * that. What only describes the campaign (its title, on the payment) comes from the copy the same gift
 * just read, kept {@code tirelire.donations.campaign-cache} (2 s, ADR 38).
 */
@Component
public class LiveCampaigns {

    private final CampaignSnapshots snapshots;
    private final Duration publicationGrace;
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
        this.recent = new RecentReads<>(cacheFor);
        this.eventsOnTheirWay = eventsOnTheirWay;
        this.campaignEventsTopic = campaignEventsTopic;
        this.consumerGroup = consumerGroup;
    }

    /**
     * The campaign's snapshot as stored now, waiting briefly for one published a moment ago (its event may be
     * on its way).
     */
    public Optional<CampaignSnapshot> find(CampaignId campaignId) {
        return stored(campaignId.value(), publicationGrace);
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
        return stored(campaignId, Duration.ZERO);
    }

    /** The campaign as read a moment ago, for what only describes it (its title): at most 2 s old. */
    public Optional<CampaignSnapshot> recentCopy(String campaignId) {
        return recent.get(campaignId, snapshots::findById);
    }

    /** Stores what a campaign event changed. */
    public void save(CampaignSnapshot changed) {
        snapshots.save(changed);
        recent.put(changed.campaignId(), changed);
    }

    private Optional<CampaignSnapshot> stored(String campaignId, Duration grace) {
        Optional<CampaignSnapshot> read = RecentlyPublished.find(() -> snapshots.findById(campaignId), grace);
        read.ifPresent(snapshot -> recent.put(campaignId, snapshot));
        return read;
    }
}
