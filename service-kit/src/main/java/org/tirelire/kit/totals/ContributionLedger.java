package org.tirelire.kit.totals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.store.NewDocuments;

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

    /** A donation confirmed or refunded, as step 1 needs it, with where its event sits in its partition. */
    public record DonationEvent(
            String donationId,
            String campaignId,
            Money amount,
            @Nullable String fundraiserSlug,
            boolean refund,
            EventPosition position) {

        private LedgerEntry after(LedgerEntry entry) {
            return refund ? entry.refundedBy(position) : entry.confirmedBy(position);
        }

        /** The entry of a donation heard for the first time, as inserted: versioned from 0, as a save would. */
        private LedgerEntry firstEntry() {
            return after(LedgerEntry.unknown(donationId, campaignId, amount, fundraiserSlug))
                    .withVersion(0L);
        }
    }

    public LedgerEntry.Change confirmed(
            String donationId, String campaignId, Money amount, String fundraiserSlug, EventPosition position) {
        return recordAll(List.of(new DonationEvent(donationId, campaignId, amount, fundraiserSlug, false, position)))
                .get(0);
    }

    public LedgerEntry.Change refunded(
            String donationId, String campaignId, Money amount, String fundraiserSlug, EventPosition position) {
        return recordAll(List.of(new DonationEvent(donationId, campaignId, amount, fundraiserSlug, true, position)))
                .get(0);
    }

    /**
     * Step 1 for events about different donations. Most events are their donation's first: their entries are
     * inserted together without a read, in one command for a whole poll of gifts. Only a donation whose entry
     * is stored already (a refund after its confirmation, an event delivered again) is read, and recorded on
     * its own.
     *
     * @return each event's change, in their order
     */
    public List<LedgerEntry.Change> recordAll(List<DonationEvent> events) {
        List<LedgerEntry> firstEntries =
                events.stream().map(DonationEvent::firstEntry).toList();
        Set<Integer> storedBefore = NewDocuments.insert(mongo, LedgerEntry.class, firstEntries);
        List<LedgerEntry.Change> changes = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            changes.add(
                    storedBefore.contains(i)
                            ? recordKnown(events.get(i))
                            : firstEntries.get(i).lastChange());
        }
        return changes;
    }

    /** Every donation the ledger knows for a campaign: the ground truth a total can be recomputed from. */
    public List<LedgerEntry> entriesOf(String campaignId) {
        return mongo.find(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("campaignId")
                                .is(campaignId)),
                LedgerEntry.class,
                COLLECTION);
    }

    /** A donation whose entry is stored already. */
    private LedgerEntry.Change recordKnown(DonationEvent event) {
        EventPosition position = event.position();
        while (true) {
            LedgerEntry stored = mongo.findById(event.donationId(), LedgerEntry.class, COLLECTION);
            LedgerEntry current = stored != null
                    ? stored
                    : LedgerEntry.unknown(
                            event.donationId(), event.campaignId(), event.amount(), event.fundraiserSlug());
            if (current.lastChangedBy(position)) {
                return current.lastChange(); // delivered again after a crash: re-apply our own change
            }
            LedgerEntry next = event.after(current);
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
