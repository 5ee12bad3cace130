package org.tirelire.donation.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.events.DonationRefunded;
import org.tirelire.contracts.money.Money;
import org.tirelire.donation.payment.ProviderKind;

class DonationTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private Donation pending() {
        return Donation.pending(
                "don-1",
                "camp-1",
                "org-1",
                Money.of(30_00, "EUR"),
                new Donor("Marie", "Curie", "marie@example.org", "fr"),
                false,
                "Bravo",
                null,
                "lea-court",
                true,
                "pm_sandbox_ok",
                ProviderKind.SANDBOX,
                NOW);
    }

    @Test
    void a_confirmation_is_stored_with_its_event() {
        Donation donation = pending();

        assertThat(donation.confirm("sbx_1", NOW)).isTrue();

        assertThat(donation.status()).isEqualTo(DonationStatus.CONFIRMED);
        assertThat(donation.outbox())
                .singleElement()
                .satisfies(pending -> assertThat(pending.event())
                        .isInstanceOfSatisfying(
                                DonationConfirmed.class,
                                e -> assertThat(e.fundraiserSlug()).isEqualTo("lea-court")));
    }

    @Test
    void a_confirmation_says_whether_a_tax_receipt_or_a_recurring_gift_follows_it() {
        Donation oneOff = pending();
        Donation withReceipt =
                pending().withReceiptTo(new PostalAddress("1 rue de la Paix", null, "75002", "Paris", "FR"));
        Donation charge = pending();
        charge.chargeOf("sub-1", 0, 0);

        for (Donation gift : List.of(oneOff, withReceipt, charge)) {
            gift.confirm("sbx_1", NOW);
        }

        assertThat(List.of(oneOff, withReceipt, charge))
                .extracting(gift -> (DonationConfirmed) gift.outbox().get(0).event())
                .extracting(DonationConfirmed::receiptWanted, DonationConfirmed::subscriptionId)
                .containsExactly(tuple(false, null), tuple(true, null), tuple(false, "sub-1"));
    }

    @Test
    void hiding_a_public_message_tells_the_live_screens_once_and_a_message_never_shown_tells_them_nothing() {
        Donation shown = pending();
        shown.confirm("sbx_1", NOW);

        assertThat(shown.hideMessage(NOW.plusSeconds(60))).isTrue();
        assertThat(shown.hideMessage(NOW.plusSeconds(120))).isFalse();
        assertThat(shown.outbox())
                .extracting(pending -> pending.event().getClass().getSimpleName())
                .containsExactly("DonationConfirmed", "DonationMessageHidden");

        Donation notYetPaid = pending();
        notYetPaid.hideMessage(NOW.plusSeconds(60));
        assertThat(notYetPaid.outbox()).as("not public yet: no screen shows it").isEmpty();
    }

    @Test
    void a_replayed_confirmation_changes_nothing() {
        Donation donation = pending();
        donation.confirm("sbx_1", NOW);

        assertThat(donation.confirm("sbx_1", NOW.plusSeconds(5))).isFalse();
        assertThat(donation.outbox()).hasSize(1);
    }

    @Test
    void only_a_confirmed_gift_can_be_refunded_and_only_once() {
        Donation donation = pending();
        assertThatThrownBy(() -> donation.refund(NOW)).isInstanceOf(IllegalDonationTransition.class);

        donation.confirm("sbx_1", NOW);
        assertThat(donation.refund(NOW)).isTrue();
        assertThat(donation.refund(NOW)).isFalse();

        assertThat(donation.outbox())
                .filteredOn(p -> p.event() instanceof DonationRefunded)
                .hasSize(1);
    }

    @Test
    void a_failed_payment_cannot_be_confirmed_later() {
        Donation donation = pending();
        donation.fail("declined", NOW);

        assertThatThrownBy(() -> donation.confirm("sbx_1", NOW)).isInstanceOf(IllegalDonationTransition.class);
    }

    @Test
    void an_anonymous_gift_shows_no_name_publicly() {
        Donation donation = Donation.pending(
                "don-2",
                "camp-1",
                "org-1",
                Money.of(5_00, "EUR"),
                new Donor("Marie", "Curie", "m@example.org", "fr"),
                true,
                null,
                null,
                null,
                false,
                "pm_sandbox_ok",
                ProviderKind.SANDBOX,
                NOW);

        assertThat(donation.publicDisplayName()).isEqualTo("Anonymous");
        assertThat(pending().publicDisplayName()).isEqualTo("Marie C.");
    }

    @Test
    void an_offline_gift_counts_as_confirmed_at_once() {
        Donation gift =
                Donation.offline("don-3", "camp-1", "org-1", Money.of(100_00, "EUR"), null, OfflineMethod.CASH, NOW);

        assertThat(gift.status()).isEqualTo(DonationStatus.CONFIRMED);
        assertThat(gift.publicDisplayName()).isEqualTo("Anonymous");
    }
}
