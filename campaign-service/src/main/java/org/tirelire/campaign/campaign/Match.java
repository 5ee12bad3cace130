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
 * @param matchedGifts what each matched gift got, by donation id: what a refund takes back
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
        Instant createdAt) {

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
        return new Match(id, sponsor, ratio, cap, startsAt, endsAt, minimumGift, Map.of(), now);
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

    /** The match with this gift matched as far as the cap allows, and how much that was (zero if not at all). */
    Matched match(String donationId, Money gift, Instant confirmedAt) {
        if (!isActiveAt(confirmedAt)
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

    /** The match without what this refunded gift had matched, and how much that was (zero if nothing). */
    Matched unmatch(String donationId) {
        Long amount = matchedGifts.get(donationId);
        if (amount == null) {
            return new Matched(this, 0);
        }
        Map<String, Long> gifts = new HashMap<>(matchedGifts);
        gifts.remove(donationId);
        return new Matched(withGifts(gifts), -amount);
    }

    private Match withGifts(Map<String, Long> gifts) {
        return new Match(id, sponsor, ratio, cap, startsAt, endsAt, minimumGift, gifts, createdAt);
    }

    /** A match after a gift or a refund, and what that changed in the campaign's total (minor units). */
    record Matched(Match match, long delta) {}
}
