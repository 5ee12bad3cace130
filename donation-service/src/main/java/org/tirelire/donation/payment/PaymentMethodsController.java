package org.tirelire.donation.payment;

import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/payments/methods}: the payment methods a donor may name in {@code paymentMethod},
 * and whether they belong to the sandbox provider, where no money moves (giving pages say so).
 */
@RestController
class PaymentMethodsController {

    record PaymentMethods(String provider, boolean sandbox, List<String> methods) {}

    /** The sandbox's succeeding method first: the one a giving form offers by default. */
    private static final Comparator<String> SUCCEEDING_FIRST = Comparator.comparing(
                    (String method) -> !method.equals(SandboxPaymentProvider.SUCCEEDS))
            .thenComparing(Comparator.naturalOrder());

    private final PaymentProvider provider;

    PaymentMethodsController(PaymentProvider provider) {
        this.provider = provider;
    }

    @GetMapping("/api/payments/methods")
    PaymentMethods methods() {
        return new PaymentMethods(
                provider.name(),
                SandboxPaymentProvider.NAME.equals(provider.name()),
                provider.paymentMethods().stream().sorted(SUCCEEDING_FIRST).toList());
    }
}
