package org.tirelire.kit.totals;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tirelire.contracts.money.Money;

/** The ledger on a MongoDB-wire server: what each donation event changes in a total, exactly once. */
class ContributionLedgerTest {

    private static final Money GIFT = Money.of(25_00, "EUR");

    private static MongoServer server;
    private static MongoClient client;

    private ContributionLedger ledger;

    @BeforeAll
    static void startTheStore() {
        server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(
                "mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
    }

    @AfterAll
    static void stopTheStore() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void anEmptyLedger() {
        ledger = new ContributionLedger(new MongoTemplate(client, "ledger-" + System.nanoTime()));
    }

    @Test
    void a_confirmation_counts_once_and_the_same_event_delivered_again_gets_back_its_own_change() {
        LedgerEntry.Change first = ledger.confirmed("don-1", "camp-1", GIFT, null, new EventPosition(0, 10));
        LedgerEntry.Change redelivered = ledger.confirmed("don-1", "camp-1", GIFT, null, new EventPosition(0, 10));
        LedgerEntry.Change duplicate = ledger.confirmed("don-1", "camp-1", GIFT, null, new EventPosition(0, 12));

        assertThat(first).isEqualTo(new LedgerEntry.Change("0@10", 25_00, 1));
        assertThat(redelivered).as("re-applied after a crash, exactly once").isEqualTo(first);
        assertThat(duplicate).as("another event saying the same").isEqualTo(new LedgerEntry.Change("0@12", 0, 0));
        assertThat(ledger.entriesOf("camp-1"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.counts()).isTrue());
    }

    @Test
    void a_refund_takes_a_counted_gift_back_and_one_heard_before_its_confirmation_keeps_it_from_ever_counting() {
        ledger.confirmed("don-1", "camp-1", GIFT, null, new EventPosition(0, 10));

        assertThat(ledger.refunded("don-1", "camp-1", GIFT, null, new EventPosition(0, 11)))
                .isEqualTo(new LedgerEntry.Change("0@11", -25_00, -1));

        assertThat(ledger.refunded("don-2", "camp-1", GIFT, null, new EventPosition(1, 20)))
                .isEqualTo(new LedgerEntry.Change("1@20", 0, 0));
        assertThat(ledger.confirmed("don-2", "camp-1", GIFT, null, new EventPosition(1, 21)))
                .isEqualTo(new LedgerEntry.Change("1@21", 0, 0));
        assertThat(ledger.entriesOf("camp-1")).noneMatch(LedgerEntry::counts);
    }

    @Test
    void a_poll_s_events_are_recorded_together_each_with_its_own_change_and_an_entry_inserted_so_changes_later() {
        ledger.confirmed("don-1", "camp-1", GIFT, null, new EventPosition(0, 10));

        List<LedgerEntry.Change> changes = ledger.recordAll(List.of(
                new ContributionLedger.DonationEvent("don-2", "camp-1", GIFT, null, false, new EventPosition(0, 11)),
                new ContributionLedger.DonationEvent("don-1", "camp-1", GIFT, null, false, new EventPosition(0, 10)),
                new ContributionLedger.DonationEvent(
                        "don-3", "camp-2", GIFT, "page-1", false, new EventPosition(1, 5))));

        assertThat(changes)
                .containsExactly(
                        new LedgerEntry.Change("0@11", 25_00, 1),
                        new LedgerEntry.Change("0@10", 25_00, 1), // don-1 delivered again: its own change back
                        new LedgerEntry.Change("1@5", 25_00, 1));
        assertThat(ledger.entriesOf("camp-1")).hasSize(2).allMatch(LedgerEntry::counts);
        assertThat(ledger.refunded("don-2", "camp-1", GIFT, null, new EventPosition(0, 12)))
                .as("an entry inserted with the others is saved over like any other")
                .isEqualTo(new LedgerEntry.Change("0@12", -25_00, -1));
        assertThat(ledger.entriesOf("camp-2"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.fundraiserSlug()).isEqualTo("page-1"));
    }
}
