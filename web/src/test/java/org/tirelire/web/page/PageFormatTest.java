package org.tirelire.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tirelire.contracts.money.Money;

class PageFormatTest {

    private static final PageFormat FRENCH = new PageFormat(Locale.FRENCH, ZoneId.of("Europe/Paris"));
    private static final PageFormat ENGLISH = new PageFormat(Locale.ENGLISH, ZoneId.of("Europe/Paris"));

    @Test
    void amounts_read_as_people_write_them_in_each_language() {
        assertThat(FRENCH.money(Money.of(150_000, "EUR"))).isEqualTo("1\u202f500\u00a0€");
        assertThat(FRENCH.money(Money.of(1_250, "EUR"))).isEqualTo("12,50\u00a0€");
        assertThat(ENGLISH.money(Money.of(150_000, "EUR"))).isEqualTo("€1,500");
        assertThat(ENGLISH.money(Money.of(1_205, "GBP"))).isEqualTo("£12.05");
    }

    @Test
    void an_amount_goes_back_into_a_form_in_the_reader_s_decimal_notation() {
        assertThat(FRENCH.amountInput(Money.of(2_550, "EUR"))).isEqualTo("25,5");
        assertThat(ENGLISH.amountInput(Money.of(2_550, "EUR"))).isEqualTo("25.5");
    }

    @Test
    void dates_are_in_the_association_s_time_zone() {
        Instant lateEvening = Instant.parse("2027-01-31T23:30:00Z"); // already 1 February in Paris
        assertThat(FRENCH.date(lateEvening)).isEqualTo("1 février 2027");
        assertThat(FRENCH.dateInput(lateEvening)).isEqualTo("2027-02-01");
    }
}
