package org.tirelire.kit.totals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tirelire.contracts.money.Money;

class LedgerEntryTest {

    private final LedgerEntry unknown = LedgerEntry.unknown("don-1", "camp-1", Money.of(25_00, "EUR"), null);

    @Test
    void a_confirmation_adds_the_gift_once() {
        LedgerEntry confirmed = unknown.confirmedBy(new EventPosition(0, 10));

        assertThat(confirmed.counts()).isTrue();
        assertThat(confirmed.lastChange()).isEqualTo(new LedgerEntry.Change("0@10", 25_00, 1));
    }

    @Test
    void a_refund_takes_the_gift_back() {
        LedgerEntry refunded = unknown.confirmedBy(new EventPosition(0, 10)).refundedBy(new EventPosition(0, 11));

        assertThat(refunded.counts()).isFalse();
        assertThat(refunded.lastChange()).isEqualTo(new LedgerEntry.Change("0@11", -25_00, -1));
    }

    @Test
    void a_refund_that_arrives_before_its_confirmation_means_the_gift_never_counts() {
        LedgerEntry refundedFirst = unknown.refundedBy(new EventPosition(0, 10));
        LedgerEntry thenConfirmed = refundedFirst.confirmedBy(new EventPosition(0, 11));

        assertThat(refundedFirst.lastChange().countDelta()).isZero();
        assertThat(thenConfirmed.counts()).isFalse();
        assertThat(thenConfirmed.lastChange().amountDelta()).isZero();
    }

    @Test
    void an_entry_recognises_the_event_that_made_its_last_change() {
        LedgerEntry confirmed = unknown.confirmedBy(new EventPosition(3, 7));

        assertThat(confirmed.lastChangedBy(new EventPosition(3, 7))).isTrue();
        assertThat(confirmed.lastChangedBy(new EventPosition(3, 8))).isFalse();
    }

    @Test
    void on_another_kafka_cluster_an_event_at_the_same_offset_is_another_event() {
        LedgerEntry confirmed = unknown.confirmedBy(new EventPosition(3, 7));
        EventPosition sameOffsetElsewhere = new EventPosition("q1Sh-9_xTXqYs4wAbCdEfg", 3, 7);

        assertThat(confirmed.lastChangedBy(sameOffsetElsewhere)).isFalse();
        LedgerEntry refundedThere = confirmed.refundedBy(sameOffsetElsewhere);
        assertThat(refundedThere.lastChange())
                .as("the refund counts: it is not taken for the confirmation delivered again")
                .isEqualTo(new LedgerEntry.Change("q1Sh-9_xTXqYs4wAbCdEfg:3@7", -25_00, -1));
        assertThat(sameOffsetElsewhere.partitionKey()).isEqualTo("q1Sh-9_xTXqYs4wAbCdEfg:p3");
        assertThat(new EventPosition("redpanda.5f2c0e9a", 3, 7).partitionKey())
                .as("a MongoDB field name holds no dot")
                .isEqualTo("redpanda_5f2c0e9a:p3");
        assertThat(new EventPosition(3, 7).partitionKey())
                .as("the first cluster's positions keep the form they always had")
                .isEqualTo("p3");
    }
}
