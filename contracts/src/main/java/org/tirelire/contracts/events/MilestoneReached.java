package org.tirelire.contracts.events;

import java.time.Instant;
import org.tirelire.contracts.money.Money;

/**
 * A campaign's total crossed a milestone for the first time: 25, 50, 75 or 100 % of its goal, or a
 * stretch goal. Announced exactly once per milestone.
 *
 * @param milestone {@code "25%"}, {@code "50%"}, {@code "75%"}, {@code "100%"} or a stretch goal's label
 */
public record MilestoneReached(
        String campaignId, String organisationId, String milestone, Money threshold, Money raised, Instant reachedAt)
        implements CampaignEvent {

    @Override
    public void dispatchTo(CampaignEvent.Handler handler) {
        handler.on(this);
    }
}
