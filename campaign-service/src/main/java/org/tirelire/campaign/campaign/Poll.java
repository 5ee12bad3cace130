package org.tirelire.campaign.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/**
 * A question put to donors during a live event ("Which song should the choir sing next?"), where each gift
 * votes for one option with its whole amount: 50 € weigh five times 10 €. It lives in its campaign's
 * document and its tallies change only with the campaign's total, in the same write and under the same
 * once-per-event-position rule (ADR 3), so a redelivered gift never votes twice and a refund takes its vote
 * back. Closing a poll stops new votes being taken; gifts already given while it was open still count
 * when their payment is confirmed.
 */
public record Poll(
        String id,
        String question,
        List<Option> options,
        Instant openedAt,
        @Nullable Instant closedAt) {

    static final int MIN_OPTIONS = 2;
    static final int MAX_OPTIONS = 6;

    /** @param votes the amount given for this option, in the campaign's currency; {@code gifts} how many gave */
    public record Option(String id, String label, Money votes, long gifts) {}

    public Poll {
        options = List.copyOf(options);
    }

    static Poll opened(String question, List<String> labels, String currency, Instant now) {
        return new Poll(
                UUID.randomUUID().toString(),
                question,
                labels.stream()
                        .map(label -> new Option(UUID.randomUUID().toString(), label, Money.zero(currency), 0))
                        .toList(),
                now,
                null);
    }

    public boolean isOpen() {
        return closedAt == null;
    }

    boolean holds(String optionId) {
        return options.stream().anyMatch(option -> option.id().equals(optionId));
    }

    Poll closed(Instant at) {
        return isOpen() ? new Poll(id, question, options, openedAt, at) : this;
    }

    /** The poll with a gift's vote counted (a positive amount) or a refunded gift's taken back (negative). */
    Poll withVote(String optionId, Money amount, int gifts) {
        return new Poll(
                id,
                question,
                options.stream()
                        .map(option -> option.id().equals(optionId)
                                ? new Option(
                                        option.id(),
                                        option.label(),
                                        option.votes().plus(amount),
                                        option.gifts() + gifts)
                                : option)
                        .toList(),
                openedAt,
                closedAt);
    }

    /** All the amount given through the poll's options. */
    public Money total() {
        return options.stream().map(Option::votes).reduce(Money::plus).orElseThrow();
    }

    static Optional<Poll> holding(List<Poll> polls, String optionId) {
        return polls.stream().filter(poll -> poll.holds(optionId)).findFirst();
    }
}
