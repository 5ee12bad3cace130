package org.tirelire.campaign.progress;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tirelire.campaign.campaign.Campaign;
import org.tirelire.campaign.campaign.CampaignRepository;
import org.tirelire.campaign.campaign.CampaignStore;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.totals.ContributionLedger;
import org.tirelire.kit.totals.LedgerEntry;

/**
 * Recomputes every campaign's total from the donation ledger and reports (and, when asked, repairs)
 * any difference. With exact projection there should be none; this is how an administrator proves it,
 * or recovers from a bug or a hand-edited database.
 */
@Component
public class Reconciliation {

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final CampaignRepository campaigns;
    private final CampaignStore store;
    private final ContributionLedger ledger;
    private final Clock clock;

    Reconciliation(CampaignRepository campaigns, CampaignStore store, ContributionLedger ledger, Clock clock) {
        this.campaigns = campaigns;
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
    }

    public record Totals(Money raised, long donationCount) {}

    public record Drift(String campaignId, Totals recorded, Totals fromLedger, boolean repaired) {}

    public record Report(int campaignsChecked, List<Drift> drifts) {}

    public Report run(boolean repair) {
        List<Drift> drifts = new ArrayList<>();
        List<Campaign> all = campaigns.findAll();
        for (Campaign campaign : all) {
            Totals fromLedger = fromLedger(campaign);
            Totals recorded =
                    new Totals(campaign.progress().raised(), campaign.progress().donationCount());
            if (!recorded.equals(fromLedger)) {
                boolean repaired = repair
                        && store.update(
                                campaign.id(),
                                c -> c.correctTotals(fromLedger.raised(), fromLedger.donationCount(), clock.instant()));
                log.warn(
                        "Campaign {} total {} differs from its ledger {}{}",
                        campaign.id(),
                        recorded,
                        fromLedger,
                        repaired ? ": repaired" : "");
                drifts.add(new Drift(campaign.id(), recorded, fromLedger, repaired));
            }
        }
        return new Report(all.size(), drifts);
    }

    /**
     * The gifts the ledger counts, and what sponsors matched of them: the matches are kept with the campaign,
     * in the same write as its total, so they are the record of what was matched. A match its sponsor paid
     * counts through the payment, a gift of the ledger, instead (ADR 33).
     */
    private Totals fromLedger(Campaign campaign) {
        long raised = campaign.matches().stream()
                .filter(match -> !match.isSettled())
                .mapToLong(match -> match.matched().amount())
                .reduce(0, Math::addExact);
        long count = 0;
        for (LedgerEntry entry : ledger.entriesOf(campaign.id())) {
            if (entry.counts()) {
                raised = Math.addExact(raised, entry.amount().amount());
                count++;
            }
        }
        return new Totals(new Money(raised, campaign.goal().currency()), count);
    }
}
