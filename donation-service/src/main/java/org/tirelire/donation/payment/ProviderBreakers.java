package org.tirelire.donation.payment;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tirelire.contracts.ids.DonationId;
import org.tirelire.contracts.money.Money;

/**
 * One circuit breaker per real provider. When Stripe or HelloAsso stops answering, every donor would
 * otherwise wait for its timeouts and retries before hearing "try again"; once half of the last calls
 * failed so, the breaker opens and donors hear it at once, until a trial call after {@code open-for}
 * finds the provider back. Only a provider that does not answer counts: a refused card or key is an
 * answer. Metrics: {@code resilience4j.circuitbreaker.*}, tagged {@code payments-stripe} and so on.
 */
@Component
public class ProviderBreakers {

    private final CircuitBreakerRegistry registry;
    private final CircuitBreakerConfig config;

    ProviderBreakers(
            CircuitBreakerRegistry registry, @Value("${tirelire.payments.breaker.open-for:30s}") Duration openFor) {
        this.registry = registry;
        this.config = CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(openFor)
                .recordExceptions(ProviderUnavailable.class)
                .build();
    }

    /** The breaker of one kind of provider: open, closed or half-open, for every organisation using it. */
    public CircuitBreaker of(ProviderKind kind) {
        return registry.circuitBreaker("payments-" + kind.pathName(), config);
    }

    /** The provider, its calls through its kind's breaker. */
    PaymentProvider guard(PaymentProvider provider) {
        return new Guarded(provider, of(provider.kind()));
    }

    private record Guarded(PaymentProvider provider, CircuitBreaker breaker) implements PaymentProvider {

        @Override
        public ProviderKind kind() {
            return provider.kind();
        }

        @Override
        public Set<String> paymentMethods() {
            return provider.paymentMethods();
        }

        @Override
        public PaymentStart start(PaymentRequest request) {
            return call(() -> provider.start(request));
        }

        @Override
        public boolean takesRepeatCharges() {
            return provider.takesRepeatCharges();
        }

        @Override
        public MethodChange changeSavedMethod(MethodChangeRequest request) {
            return call(() -> provider.changeSavedMethod(request));
        }

        @Override
        public void refund(DonationId donationId, String paymentReference, Money amount) {
            call(() -> {
                provider.refund(donationId, paymentReference, amount);
                return null;
            });
        }

        @Override
        public Optional<PaymentOutcome> followUp(DonationId donationId, String paymentReference) {
            return call(() -> provider.followUp(donationId, paymentReference));
        }

        private <T> T call(java.util.function.Supplier<T> work) {
            try {
                return breaker.executeSupplier(work);
            } catch (CallNotPermittedException open) {
                throw new ProviderUnavailable(
                        provider.kind(), "circuit open after repeated failures: not called for now");
            }
        }
    }
}
