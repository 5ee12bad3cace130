package org.tirelire.campaign.campaign;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends campaigns whose deadline has passed. Every instance may run it: the close is a versioned
 * write that re-checks the status, so a campaign ends, and announces it, exactly once.
 */
@Component
public class DeadlineCloser {

    private static final Logger log = LoggerFactory.getLogger(DeadlineCloser.class);
    private static final int BATCH = 100;

    private final CampaignRepository campaigns;
    private final CampaignStore store;
    private final Clock clock;

    DeadlineCloser(CampaignRepository campaigns, CampaignStore store, Clock clock) {
        this.campaigns = campaigns;
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tirelire.campaigns.deadline-check-interval:10s}")
    public int closeCampaignsPastTheirDeadline() {
        Instant now = clock.instant();
        int closed = 0;
        for (Campaign due :
                campaigns.findByStatusAndEndsAtLessThanEqual(CampaignStatus.LIVE, now, PageRequest.of(0, BATCH))) {
            if (store.update(due.id(), campaign -> campaign.closeIfDeadlinePassed(now))) {
                log.info("Campaign {} ended at its deadline {}", due.id(), due.endsAt());
                closed++;
            }
        }
        return closed;
    }
}
