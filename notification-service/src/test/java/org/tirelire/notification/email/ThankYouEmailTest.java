package org.tirelire.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.events.DonationConfirmed;
import org.tirelire.contracts.money.Money;

class ThankYouEmailTest {

    @Test
    void what_a_donor_typed_is_escaped_in_the_html_part() {
        DonationConfirmed gift = new DonationConfirmed(
                "don-1",
                "camp-1",
                Money.of(10_00, "EUR"),
                null,
                null,
                new DonationConfirmed.Donor("<img src=x onerror=alert(1)>", "X", "x@example.org", "fr"),
                false,
                null,
                false,
                null,
                Instant.parse("2026-11-22T10:00:00Z"));

        RenderedEmail email = ThankYouEmail.render(gift, "<b>Péniche</b>", "http://localhost:8080/campaigns/p");

        assertThat(email.html()).doesNotContain("<img").doesNotContain("<b>").contains("&lt;img");
    }

    @Test
    void amounts_are_written_as_people_read_them() {
        assertThat(ThankYouEmail.format(Money.of(123456, "EUR"), Locale.FRANCE))
                .contains("1")
                .contains("234,56")
                .contains("€");
        assertThat(ThankYouEmail.format(Money.of(1250, "GBP"), Locale.UK)).isEqualTo("£12.50");
    }
}
