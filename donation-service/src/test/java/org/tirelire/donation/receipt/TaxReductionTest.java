package org.tirelire.donation.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tirelire.contracts.money.Money;

class TaxReductionTest {

    @Test
    void a_gift_of_fifty_euros_costs_seventeen_after_the_66_percent_reduction() {
        TaxReduction reduction = new TaxReduction(false, 1000_00);

        assertThat(reduction.rate()).isEqualTo(66);
        assertThat(reduction.costAfterReduction(Money.of(50_00, "EUR"))).isEqualTo(Money.of(17_00, "EUR"));
    }

    @Test
    void the_75_percent_rate_stops_at_its_ceiling_and_66_percent_applies_above() {
        TaxReduction reduction = new TaxReduction(true, 1000_00);

        assertThat(reduction.costAfterReduction(Money.of(100_00, "EUR"))).isEqualTo(Money.of(25_00, "EUR"));
        // 750 € back on the first 1 000 €, 660 € on the next 1 000 €
        assertThat(reduction.costAfterReduction(Money.of(2000_00, "EUR"))).isEqualTo(Money.of(590_00, "EUR"));
    }

    @Test
    void the_reduction_is_never_overstated_by_rounding() {
        // 66 % of 0,01 € is less than a cent: nothing comes back
        assertThat(new TaxReduction(false, 1000_00).costAfterReduction(Money.of(1, "EUR")))
                .isEqualTo(Money.of(1, "EUR"));
    }
}
