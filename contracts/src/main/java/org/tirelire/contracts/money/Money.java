package org.tirelire.contracts.money;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * An amount of money in integer minor units (cents for EUR). Never a floating-point number: totals
 * must add up to the cent after any number of gifts and refunds.
 *
 * @param amount minor units, for example {@code 3000} for 30.00 EUR
 * @param currency ISO 4217 code, upper case
 */
public record Money(long amount, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public static Money of(long amount, String currency) {
        return new Money(amount, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amount, other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(amount, other.amount), currency);
    }

    @JsonIgnore // a question to ask, not a field of the JSON
    public boolean isPositive() {
        return amount > 0;
    }

    public boolean isAtLeast(Money other) {
        requireSameCurrency(other);
        return amount >= other.amount;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "Cannot combine " + currency + " with " + other.currency + ": amounts of different currencies");
        }
    }
}
