package org.tirelire.campaign.campaign;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/**
 * A sponsor's pledge to match the gifts of a window: "La Boulangerie Martin doubles every gift, up to 500 €,
 * for the next two hours". Each gift confirmed within the window, and at least {@code minimumGift}, is
 * matched {@code ratio} times its amount, up to what is left of the cap; the gift that reaches the cap is
 * matched partially. A refund takes back what its gift had matched, and that part of the cap is free again.
 *
 * <p>It lives in its campaign's document and changes only with the campaign's total, in the same write and
 * under the same once-per-event-position rule (ADR 3): the cap can never be exceeded, whatever the
 * concurrency, redeliveries or crashes. Whether a gift is matched depends on when it was confirmed (the
 * event's time), not on when it is counted, so counting it again later decides the same.
 *
 * <p>What the sponsor matched is owed by them until they pay it (ADR 33): the organiser records their payment
 * as an offline gift that settles the match. From then on the campaign counts that gift in place of what
 * was matched, and the match matches nothing more: a gift counted after the payment is not matched, even
 * one confirmed in the window before it (the payment closes the sponsor's account).
 *
 * @param matchedGifts what each matched gift got, by donation id: what a refund takes back
 * @param settlement the sponsor's payment, once recorded; null while the pledge is owed
 */
public record Match(
        String id,
        String sponsor,
        int ratio,
        Money cap,
        Instant startsAt,
        Instant endsAt,
        @Nullable Money minimumGift,
        Map<String, Long> matchedGifts,
        Instant createdAt,
        @Nullable Settlement settlement) {

    /** The sponsor's payment: the offline gift that recorded it, how much, and when it was confirmed. */
    public record Settlement(String donationId, Money paid, Instant at) {}

    public Match {
        matchedGifts = Map.copyOf(matchedGifts);
    }

    static Match pledged(
            String id,
            String sponsor,
            int ratio,
            Money cap,
            Instant startsAt,
            Instant endsAt,
            @Nullable Money minimumGift,
            Instant now) {
        return new Match(id, sponsor, ratio, cap, startsAt, endsAt, minimumGift, Map.of(), now, null);
    }

    /** What the sponsor matched in all: the sum of what each matched gift got. */
    public Money matched() {
        long sum = matchedGifts.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
        return new Money(sum, cap.currency());
    }

    /** Whether a gift confirmed at {@code at} falls in the window: from its start, up to (not including) its end. */
    public boolean isActiveAt(Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt);
    }

    /** What is left of the cap. */
    public Money left() {
        return cap.minus(matched());
    }

    public boolean isSettled() {
        return settlement != null;
    }

    /** The match with this gift matched as far as the cap allows, and how much that was (zero if not at all). */
    Matched match(String donationId, Money gift, Instant confirmedAt) {
        if (isSettled()
                || !isActiveAt(confirmedAt)
                || matchedGifts.containsKey(donationId)
                || (minimumGift != null && !gift.isAtLeast(minimumGift))) {
            return new Matched(this, 0);
        }
        long amount = Math.min(Math.multiplyExact(gift.amount(), (long) ratio), left().amount());
        if (amount <= 0) {
            return new Matched(this, 0);
        }
        Map<String, Long> gifts = new HashMap<>(matchedGifts);
        gifts.put(donationId, amount);
        return new Matched(withGifts(gifts), amount);
    }

    /**
     * The match without what this refunded gift had matched, and how much that takes from the total (zero if
     * nothing). Once the sponsor paid, their payment stays in the total whatever a donor takes back: the gift
     * leaves the match, and takes nothing more with it.
     */
    Matched unmatch(String donationId) {
        Long amount = matchedGifts.get(donationId);
        if (amount == null) {
            return new Matched(this, 0);
        }
        Map<String, Long> gifts = new HashMap<>(matchedGifts);
        gifts.remove(donationId);
        return new Matched(withGifts(gifts), isSettled() ? 0 : -amount);
    }

    /**
     * The match paid by its sponsor's gift, which the campaign's total counts in place of what was matched; a
     * match settled already is left as it is (null).
     */
    @Nullable
    Settled settle(String donationId, Money paid, Instant at) {
        if (isSettled()) {
            return null;
        }
        long matched = matched().amount();
        return new Settled(
                new Match(
                        id,
                        sponsor,
                        ratio,
                        cap,
                        startsAt,
                        endsAt,
                        minimumGift,
                        matchedGifts,
                        createdAt,
                        new Settlement(donationId, paid, at)),
                -matched,
                Math.subtractExact(paid.amount(), matched));
    }

    /** The match owed again, its payment given back; null when that gift did not settle it. */
    @Nullable
    Settled unsettle(String donationId) {
        if (settlement == null || !settlement.donationId().equals(donationId)) {
            return null;
        }
        long matched = matched().amount();
        return new Settled(
                new Match(id, sponsor, ratio, cap, startsAt, endsAt, minimumGift, matchedGifts, createdAt, null),
                matched,
                Math.subtractExact(matched, settlement.paid().amount()));
    }

    private Match withGifts(Map<String, Long> gifts) {
        return new Match(id, sponsor, ratio, cap, startsAt, endsAt, minimumGift, gifts, createdAt, settlement);
    }

    /** A match after a gift or a refund, and what that changed in the campaign's total (minor units). */
    record Matched(Match match, long delta) {}

    /**
     * A match after its sponsor's payment (or its refund): what it adds to the total besides the payment's own
     * amount (what was matched, taken out or back in), and what it changes in the sponsors' share.
     */
    record Settled(Match match, long besidesTheGift, long sponsorsShare) {}
}
