package org.tirelire.campaign.progress;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tirelire.campaign.campaign.CampaignNotFound;
import org.tirelire.campaign.campaign.CampaignStore;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationRefunded;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.totals.ContributionLedger;
import org.tirelire.kit.totals.EventPosition;
import org.tirelire.kit.totals.LedgerEntry;

/**
 * Turns donation events into campaign totals, exactly, without multi-document transactions.
 *
 * <p>Step 1 records the donation's new state in the {@link ContributionLedger} together with the change
 * it makes. Step 2 adds that change to the campaign unless the campaign has already applied an event
 * at this position. A crash between the steps is repaired by the redelivery of the same event: step 1
 * recognises its own earlier change, step 2 applies it once. A duplicate event at another position
 * finds the ledger already in that state and changes nothing. See docs/adr/0003-exact-totals.md.
 */
@Component
public class ProgressProjector {

    private static final Logger log = LoggerFactory.getLogger(ProgressProjector.class);

    private final ContributionLedger ledger;
    private final CampaignStore campaigns;

    ProgressProjector(ContributionLedger ledger, CampaignStore campaigns) {
        this.ledger = ledger;
        this.campaigns = campaigns;
    }

    public void on(DonationConfirmed confirmed, EventPosition position) {
        LedgerEntry.Change change = ledger.confirmed(
                confirmed.donationId(),
                confirmed.campaignId(),
                confirmed.amount(),
                confirmed.fundraiserSlug(),
                position);
        apply(
                confirmed.donationId(),
                confirmed.campaignId(),
                confirmed.amount(),
                change,
                position,
                confirmed.confirmedAt());
    }

    public void on(DonationRefunded refunded, EventPosition position) {
        LedgerEntry.Change change = ledger.refunded(
                refunded.donationId(), refunded.campaignId(), refunded.amount(), refunded.fundraiserSlug(), position);
        apply(refunded.donationId(), refunded.campaignId(), refunded.amount(), change, position, refunded.refundedAt());
    }

    private void apply(
            String donationId,
            String campaignId,
            Money amount,
            LedgerEntry.Change change,
            EventPosition position,
            Instant at) {
        if (change.countDelta() == 0) {
            return;
        }
        Money delta = new Money(change.amountDelta(), amount.currency());
        try {
            boolean applied = campaigns.update(
                    campaignId, campaign -> campaign.applyContribution(delta, change.countDelta(), position, at));
            if (applied) {
                log.info(
                        "Campaign {} total changed by {} after donation {} at {}",
                        campaignId,
                        delta,
                        donationId,
                        position);
            }
        } catch (CampaignNotFound unknownCampaign) {
            // A gift can only be accepted for a published campaign, so this is a foreign or corrupt event.
            log.warn("Ignoring donation {} for unknown campaign {}", donationId, campaignId);
        }
    }
}
