package org.tirelire.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tirelire.contracts.money.Money;

class MoneyTest {

    @Test
    void adds_and_subtracts_to_the_cent() {
        Money total = Money.of(1999, "EUR").plus(Money.of(1, "EUR")).minus(Money.of(500, "EUR"));

        assertThat(total).isEqualTo(Money.of(1500, "EUR"));
    }

    @Test
    void refuses_to_mix_currencies() {
        assertThatThrownBy(() -> Money.of(100, "EUR").plus(Money.of(100, "USD")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different currencies");
    }

    @Test
    void refuses_to_overflow_silently() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").plus(Money.of(1, "EUR")))
                .isInstanceOf(ArithmeticException.class);
    }
}
