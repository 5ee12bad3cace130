package org.tirelire.donation.donation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/** One line of a campaign's public wall of supporters. */
public record SupporterView(
        String displayName,
        Money amount,
        @Nullable String message,
        @Nullable String fundraiser,
        Instant confirmedAt) {

    static SupporterView of(Donation donation) {
        return new SupporterView(
                donation.publicDisplayName(),
                donation.amount(),
                donation.publicMessage(),
                donation.fundraiserSlug(),
                donation.confirmedAt());
    }
}
