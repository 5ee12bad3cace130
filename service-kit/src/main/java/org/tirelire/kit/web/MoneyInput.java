package org.tirelire.kit.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.tirelire.contracts.money.Money;

/**
 * Money as a client sends it: {@code {"amount": 3000, "currency": "EUR"}} with the amount in whole
 * minor units. A fractional amount never gets this far: JSON reading refuses it rather than rounding.
 */
public record MoneyInput(
        @NotNull @Positive Long amount,

        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency) {

    public Money toMoney() {
        return new Money(amount, currency);
    }
}
