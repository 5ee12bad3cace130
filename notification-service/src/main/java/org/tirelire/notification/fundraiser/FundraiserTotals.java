package org.tirelire.notification.fundraiser;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationRefunded;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.messaging.AggregateUpdates;
import org.tirelire.kit.totals.ContributionLedger;
import org.tirelire.kit.totals.EventPosition;
import org.tirelire.kit.totals.LedgerEntry;

/** Counts gifts made through collection pages, exactly: the ledger step, then the page (ADR 3). */
@Component
public class FundraiserTotals {

    private static final Logger log = LoggerFactory.getLogger(FundraiserTotals.class);

    private final ContributionLedger ledger;
    private final FundraiserPages pages;
    private final AggregateUpdates updates;

    FundraiserTotals(ContributionLedger ledger, FundraiserPages pages, AggregateUpdates updates) {
        this.ledger = ledger;
        this.pages = pages;
        this.updates = updates;
    }

    public void on(DonationConfirmed gift, EventPosition position) {
        if (gift.fundraiserSlug() != null) {
            apply(
                    gift.fundraiserSlug(),
                    gift.amount(),
                    ledger.confirmed(
                            gift.donationId(), gift.campaignId(), gift.amount(), gift.fundraiserSlug(), position),
                    position);
        }
    }

    public void on(DonationRefunded refund, EventPosition position) {
        if (refund.fundraiserSlug() != null) {
            apply(
                    refund.fundraiserSlug(),
                    refund.amount(),
                    ledger.refunded(
                            refund.donationId(),
                            refund.campaignId(),
                            refund.amount(),
                            refund.fundraiserSlug(),
                            position),
                    position);
        }
    }

    private void apply(String slug, Money amount, LedgerEntry.Change change, EventPosition position) {
        if (change.countDelta() == 0 || !pages.existsById(slug)) {
            if (change.countDelta() != 0) {
                log.warn(
                        "A gift names collection page '{}', which does not exist; it counts for the campaign only",
                        slug);
            }
            return;
        }
        Money delta = new Money(change.amountDelta(), amount.currency());
        updates.update(
                pages,
                slug,
                () -> new FundraiserPageNotFound(slug),
                page -> page.applyContribution(delta, change.countDelta(), position));
    }
}
