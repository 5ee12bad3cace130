package org.tirelire.donation.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's circuit breakers, around what it calls outside itself (identity, the payment
 * providers): one registry, each breaker configured where it is used, all reported as
 * {@code resilience4j.circuitbreaker.*} metrics tagged with the breaker's name.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakers {

    @Bean
    CircuitBreakerRegistry circuitBreakerRegistry(MeterRegistry meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }
}
