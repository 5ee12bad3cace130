package org.tirelire.kit.totals;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tirelire.contracts.money.Money;

/**
 * What a service knows of one donation, for the totals it keeps: whether it was confirmed and whether it was refunded,
 * in whatever order those events arrived. A gift counts while it is confirmed and not refunded.
 *
 * <p>{@code lastChange} remembers which event made the latest change and by how much, so that the
 * same event delivered again after a crash re-applies that change to the campaign exactly once.
 */
@Document(ContributionLedger.COLLECTION)
public record LedgerEntry(
        @Id String donationId,
        @Indexed String campaignId,
        Money amount,
        @Nullable String fundraiserSlug,
        boolean confirmed,
        boolean refunded,
        @Nullable Change lastChange,
        @Version @Nullable Long version) {

    /** The effect the event at {@code position} had on the campaign's total and count. */
    public record Change(String position, long amountDelta, int countDelta) {}

    public static LedgerEntry unknown(
            String donationId, String campaignId, Money amount, @Nullable String fundraiserSlug) {
        return new LedgerEntry(donationId, campaignId, amount, fundraiserSlug, false, false, null, null);
    }

    /** Lets Spring Data hand back the entry with the version it stored. */
    public LedgerEntry withVersion(@Nullable Long version) {
        return new LedgerEntry(
                donationId, campaignId, amount, fundraiserSlug, confirmed, refunded, lastChange, version);
    }

    public boolean counts() {
        return confirmed && !refunded;
    }

    public LedgerEntry confirmedBy(EventPosition position) {
        return transition(true, refunded, position);
    }

    public LedgerEntry refundedBy(EventPosition position) {
        return transition(confirmed, true, position);
    }

    public boolean lastChangedBy(EventPosition position) {
        return lastChange != null && lastChange.position().equals(position.toString());
    }

    private LedgerEntry transition(boolean nowConfirmed, boolean nowRefunded, EventPosition position) {
        boolean countedBefore = counts();
        boolean countsAfter = nowConfirmed && !nowRefunded;
        int countDelta = Boolean.compare(countsAfter, countedBefore);
        Change change = new Change(position.toString(), countDelta * amount.amount(), countDelta);
        return new LedgerEntry(
                donationId, campaignId, amount, fundraiserSlug, nowConfirmed, nowRefunded, change, version);
    }
}
