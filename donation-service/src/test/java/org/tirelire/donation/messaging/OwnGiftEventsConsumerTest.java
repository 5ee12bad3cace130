package org.tirelire.donation.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.money.Money;

class OwnGiftEventsConsumerTest {

    @Test
    void only_a_gift_with_a_receipt_or_a_recurring_charge_to_follow_up_is_read_again() {
        assertThat(OwnGiftEventsConsumer.followsUp(confirmed(false, null)))
                .as("a one-off gift without a receipt")
                .isFalse();
        assertThat(OwnGiftEventsConsumer.followsUp(confirmed(true, null)))
                .as("a gift whose donor asked for a receipt")
                .isTrue();
        assertThat(OwnGiftEventsConsumer.followsUp(confirmed(false, "sub-1")))
                .as("a recurring gift's charge")
                .isTrue();
        assertThat(OwnGiftEventsConsumer.followsUp(confirmed(null, null)))
                .as("an event published before confirmations said so")
                .isTrue();
    }

    private static DonationConfirmed confirmed(Boolean receiptWanted, String subscriptionId) {
        return new DonationConfirmed(
                "don-1",
                "camp-1",
                Money.of(20_00, "EUR"),
                null,
                null,
                new DonationConfirmed.Donor("Ada", "Lovelace", "ada@example.org", "fr"),
                false,
                null,
                false,
                null,
                Instant.parse("2026-12-02T10:00:00Z"),
                null,
                null,
                null,
                receiptWanted,
                subscriptionId);
    }
}
