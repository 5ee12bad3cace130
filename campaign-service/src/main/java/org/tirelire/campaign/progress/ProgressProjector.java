package org.tirelire.campaign.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tirelire.campaign.campaign.Campaign;
import org.tirelire.campaign.campaign.CampaignNotFound;
import org.tirelire.campaign.campaign.CampaignStore;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationRefunded;
import org.tirelire.contracts.ids.CampaignId;
import org.tirelire.contracts.ids.DonationId;
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

    public ProgressProjector(ContributionLedger ledger, CampaignStore campaigns) {
        this.ledger = ledger;
        this.campaigns = campaigns;
    }

    /**
     * A donation event as heard from Kafka, with where it sits in its partition: a gift confirmed, or
     * refunded, and what the ledger needs of it.
     */
    public record Heard(
            boolean refund,
            DonationId donationId,
            CampaignId campaignId,
            Money amount,
            @Nullable String fundraiserSlug,
            Instant at,
            EventPosition position,
            @Nullable String pollOption,
            @Nullable String sponsorMatch) {

        public static Heard of(DonationConfirmed confirmed, EventPosition position) {
            return new Heard(
                    false,
                    DonationId.of(confirmed.donationId()),
                    CampaignId.of(confirmed.campaignId()),
                    confirmed.amount(),
                    confirmed.fundraiserSlug(),
                    confirmed.confirmedAt(),
                    position,
                    confirmed.pollOption(),
                    confirmed.sponsorMatch());
        }

        public static Heard of(DonationRefunded refunded, EventPosition position) {
            return new Heard(
                    true,
                    DonationId.of(refunded.donationId()),
                    CampaignId.of(refunded.campaignId()),
                    refunded.amount(),
                    refunded.fundraiserSlug(),
                    refunded.refundedAt(),
                    position,
                    refunded.pollOption(),
                    refunded.sponsorMatch());
        }
    }

    public void on(DonationConfirmed confirmed, EventPosition position) {
        on(List.of(Heard.of(confirmed, position)));
    }

    public void on(DonationRefunded refunded, EventPosition position) {
        on(List.of(Heard.of(refunded, position)));
    }

    /**
     * Counts a batch of donation events, in their order, with one ledger insert for the batch's new gifts and
     * one campaign write per campaign rather than one each: a campaign receiving many gifts at once (a live
     * stream) is read, changed and announced once per batch. A second event about the same donation first
     * lets step 2 catch up, so that the ledger never records a donation's next change before its campaign
     * has applied the previous one (what makes a redelivery after a crash add up, see the class comment).
     */
    public void on(List<Heard> batch) {
        List<Heard> differentDonations = new ArrayList<>();
        Set<DonationId> donations = new HashSet<>();
        for (Heard heard : batch) {
            if (!donations.add(heard.donationId())) {
                count(differentDonations);
                differentDonations.clear();
                donations.clear();
                donations.add(heard.donationId());
            }
            differentDonations.add(heard);
        }
        count(differentDonations);
    }

    /** Steps 1 and 2 for events about different donations. */
    private void count(List<Heard> events) {
        if (events.isEmpty()) {
            return;
        }
        List<LedgerEntry.Change> changes = ledger.recordAll(events.stream()
                .map(heard -> new ContributionLedger.DonationEvent(
                        heard.donationId().value(),
                        heard.campaignId().value(),
                        heard.amount(),
                        heard.fundraiserSlug(),
                        heard.refund(),
                        heard.position()))
                .toList());
        Map<CampaignId, List<Campaign.Contribution>> byCampaign = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Heard heard = events.get(i);
            LedgerEntry.Change change = changes.get(i);
            if (change.countDelta() != 0) {
                byCampaign
                        .computeIfAbsent(heard.campaignId(), campaign -> new ArrayList<>())
                        .add(new Campaign.Contribution(
                                heard.donationId().value(),
                                new Money(change.amountDelta(), heard.amount().currency()),
                                change.countDelta(),
                                heard.position(),
                                heard.at(),
                                heard.pollOption(),
                                heard.sponsorMatch()));
            }
        }
        applyAll(byCampaign);
    }

    /** Step 2, for each campaign of the batch. */
    private void applyAll(Map<CampaignId, List<Campaign.Contribution>> byCampaign) {
        byCampaign.forEach((campaignId, contributions) -> {
            try {
                int applied =
                        campaigns.update(campaignId.value(), campaign -> campaign.applyContributions(contributions));
                if (applied > 0) {
                    log.info(
                            "Campaign {} total changed by {} donation events, the last at {}",
                            campaignId,
                            applied,
                            contributions.get(contributions.size() - 1).position());
                }
            } catch (CampaignNotFound unknownCampaign) {
                // A gift can only be accepted for a published campaign, so this is a foreign or corrupt event.
                log.warn("Ignoring {} donation events for unknown campaign {}", contributions.size(), campaignId);
            }
        });
    }
}
