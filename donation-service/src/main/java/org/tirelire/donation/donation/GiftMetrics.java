package org.tirelire.donation.donation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.money.Money;

/**
 * The gifts as Prometheus counts them: {@code tirelire_gifts_total{outcome}} (accepted, confirmed, failed,
 * refunded) and {@code tirelire_gifts_amount_total{outcome,currency}} in minor units. Each instance counts
 * what it handled; Prometheus sums the instances. Confirmations, failures and refunds are counted from
 * the service's own events, once per event (a rare redelivery after a crash may count one twice: these are
 * figures to watch, the totals of record are the campaigns').
 */
@Component
public class GiftMetrics {

    private final MeterRegistry registry;

    GiftMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Every outcome's series exists from the start, at zero (amounts in euros, the platform's usual
        // currency), for dashboards and alerts to find.
        for (String outcome : new String[] {"accepted", "confirmed", "failed", "refunded"}) {
            gifts(outcome);
            amounts(outcome, "EUR");
        }
    }

    public void accepted(Money amount) {
        count("accepted", amount);
    }

    public void confirmed(Money amount) {
        count("confirmed", amount);
    }

    public void failed(Money amount) {
        count("failed", amount);
    }

    public void refunded(Money amount) {
        count("refunded", amount);
    }

    private Counter gifts(String outcome) {
        return Counter.builder("tirelire.gifts")
                .description("Gifts, by what became of them")
                .tag("outcome", outcome)
                .register(registry);
    }

    private Counter amounts(String outcome, String currency) {
        return Counter.builder("tirelire.gifts.amount")
                .description("What the gifts amount to, in minor units (cents)")
                .tag("outcome", outcome)
                .tag("currency", currency)
                .register(registry);
    }

    private void count(String outcome, Money amount) {
        gifts(outcome).increment();
        amounts(outcome, amount.currency()).increment(amount.amount());
    }
}
