package org.tirelire.web.organiser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.money.Money;
import org.tirelire.web.platform.PlatformRequests.OfflineGift;
import org.tirelire.web.platform.PlatformViews.Match;

class SponsorPaymentFormTest {

    private static final Match OWED = new Match(
            "match-1",
            "La Boulangerie Martin",
            1,
            Money.of(500_00, "EUR"),
            Money.of(437_50, "EUR"),
            Money.of(62_50, "EUR"),
            null,
            Instant.parse("2026-12-01T21:00:00Z"),
            null,
            null);

    @Test
    void the_sponsor_s_payment_becomes_their_offline_gift_naming_the_match_it_settles() {
        OfflineGift gift = new SponsorPaymentForm("437,50", "TRANSFER").toGift(OWED, "EUR");

        assertThat(gift.amount()).isEqualTo(Money.of(437_50, "EUR"));
        assertThat(gift.method()).isEqualTo("TRANSFER");
        assertThat(gift.donor().firstName()).isEqualTo("La Boulangerie Martin");
        assertThat(gift.sponsorMatch()).isEqualTo("match-1");
        assertThat(OWED.owed()).isTrue();
    }

    @Test
    void an_amount_not_in_figures_or_a_method_not_offered_is_named() {
        assertThat(new SponsorPaymentForm("beaucoup", "TRANSFER").errors("EUR"))
                .containsEntry("sponsorPaid.amount", "sponsorPaid.error.amount");
        assertThat(new SponsorPaymentForm("50", "BITCOIN").errors("EUR"))
                .containsEntry("sponsorPaid.method", "sponsorPaid.error.method");
        assertThat(new SponsorPaymentForm("50", "CHEQUE").errors("EUR")).isEmpty();
    }
}
