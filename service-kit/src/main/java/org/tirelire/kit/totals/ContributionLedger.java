package org.tirelire.kit.totals;

import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tirelire.contracts.money.Money;

/**
 * Step 1 of exact totals (ADR 3): records what a donation event changes, once per donation state,
 * in the service's own {@code donation_ledger}. The caller then applies the returned change to its
 * aggregate (a campaign, a collection page) unless that aggregate has already applied this position.
 *
 * <p>The same event delivered again after a crash gets back the change it made the first time;
 * a duplicate event at another position gets a change of zero.
 */
public class ContributionLedger {

    public static final String COLLECTION = "donation_ledger";

    private final MongoTemplate mongo;

    public ContributionLedger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public LedgerEntry.Change confirmed(
            String donationId, String campaignId, Money amount, String fundraiserSlug, EventPosition position) {
        return record(donationId, campaignId, amount, fundraiserSlug, entry -> entry.confirmedBy(position), position);
    }

    public LedgerEntry.Change refunded(
            String donationId, String campaignId, Money amount, String fundraiserSlug, EventPosition position) {
        return record(donationId, campaignId, amount, fundraiserSlug, entry -> entry.refundedBy(position), position);
    }

    /** Every donation the ledger knows for a campaign: the ground truth a total can be recomputed from. */
    public java.util.List<LedgerEntry> entriesOf(String campaignId) {
        return mongo.find(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("campaignId")
                                .is(campaignId)),
                LedgerEntry.class,
                COLLECTION);
    }

    private LedgerEntry.Change record(
            String donationId,
            String campaignId,
            Money amount,
            String fundraiserSlug,
            UnaryOperator<LedgerEntry> transition,
            EventPosition position) {
        // Most events are their donation's first: its entry is inserted without a read. Only when one is
        // stored already (a refund after its confirmation, an event delivered again) is it read.
        LedgerEntry first = transition.apply(LedgerEntry.unknown(donationId, campaignId, amount, fundraiserSlug));
        try {
            mongo.insert(first, COLLECTION);
            return first.lastChange();
        } catch (DuplicateKeyException known) {
            // read below
        }
        while (true) {
            LedgerEntry stored = mongo.findById(donationId, LedgerEntry.class, COLLECTION);
            LedgerEntry current =
                    stored != null ? stored : LedgerEntry.unknown(donationId, campaignId, amount, fundraiserSlug);
            if (current.lastChangedBy(position)) {
                return current.lastChange(); // delivered again after a crash: re-apply our own change
            }
            LedgerEntry next = transition.apply(current);
            if (next.confirmed() == current.confirmed() && next.refunded() == current.refunded()) {
                return new LedgerEntry.Change(position.toString(), 0, 0); // a duplicate: nothing changes
            }
            try {
                mongo.save(next, COLLECTION);
                return next.lastChange();
            } catch (OptimisticLockingFailureException | DuplicateKeyException concurrentWrite) {
                // another instance recorded this donation meanwhile: read it again
            }
        }
    }
}
