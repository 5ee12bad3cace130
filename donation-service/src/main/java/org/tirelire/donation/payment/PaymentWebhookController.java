package org.tirelire.donation.payment;

import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where payment providers tell the outcome of a payment. Nothing changes unless the provider's word is
 * verified, and a replayed or reordered webhook finds the gift already in its final state.
 */
@RestController
class PaymentWebhookController {

    private static final Logger log = LoggerFactory.getLogger(PaymentWebhookController.class);

    private final Map<String, PaymentWebhooks> webhooksByPath;
    private final PaymentOutcomes outcomes;

    PaymentWebhookController(List<PaymentWebhooks> webhooks, PaymentOutcomes outcomes) {
        this.webhooksByPath =
                webhooks.stream().collect(Collectors.toMap(w -> w.kind().pathName(), Function.identity()));
        this.outcomes = outcomes;
    }

    @PostMapping("/api/payments/webhooks/{provider}")
    ResponseEntity<Void> receive(
            @PathVariable String provider,
            @RequestBody byte[] body,
            @Parameter(hidden = true) @RequestHeader HttpHeaders headers) {
        PaymentWebhooks webhooks = webhooksByPath.get(provider);
        if (webhooks == null) {
            return ResponseEntity.notFound().build();
        }
        webhooks.receive(body, headers).ifPresent(outcome -> {
            log.info("Webhook {} from {} for donation {}", outcome.eventId(), provider, outcome.donationId());
            outcomes.settle(outcome);
        });
        return ResponseEntity.ok().build();
    }
}
