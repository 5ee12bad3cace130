package org.tirelire.donation.receipt;

import org.tirelire.contracts.money.Money;

/**
 * What a gift costs an individual donor after the income-tax reduction of article 200: 66 % of the gift
 * comes back, or 75 % up to the year's ceiling for organisations helping people in difficulty (then 66 %
 * above it). An estimate: the reduction is also capped at 20 % of taxable income, which only the donor knows.
 *
 * @param reducedRateCeiling the ceiling of the 75 % rate, set each year by the finance law
 */
public record TaxReduction(boolean reducedRate75, long reducedRateCeiling) {

    public int rate() {
        return reducedRate75 ? 75 : 66;
    }

    /** What the gift costs after the reduction, rounded up to the cent: the reduction is never overstated. */
    public Money costAfterReduction(Money gift) {
        long amount = gift.amount();
        long atReducedRate = reducedRate75 ? Math.min(amount, reducedRateCeiling) : 0;
        long reduction = atReducedRate * 75 / 100 + (amount - atReducedRate) * 66 / 100;
        return Money.of(amount - reduction, gift.currency());
    }
}
