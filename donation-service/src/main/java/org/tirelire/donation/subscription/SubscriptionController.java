package org.tirelire.donation.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tirelire.kit.web.MoneyInput;

/**
 * A donor manages their recurring gift without an account, through the signed link of every email
 * about it ({@code manageUrl}): see it, change the amount, pause it for one to three months, cancel it.
 */
@RestController
class SubscriptionController {

    private final Subscriptions subscriptions;

    SubscriptionController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** A new link by email, for every recurring gift from this address; 202 whether there is one or not. */
    @PostMapping("/api/subscriptions/links")
    ResponseEntity<Void> newLinks(@Valid @RequestBody LinksRequest request) {
        subscriptions.sendLinks(request.email());
        return ResponseEntity.accepted().build();
    }

    record LinksRequest(@NotBlank @Email @Size(max = 254) String email) {}

    @GetMapping("/api/subscriptions/{id}")
    SubscriptionView get(@PathVariable String id, @RequestParam(required = false) @Nullable String token) {
        return SubscriptionView.of(subscriptions.opened(id, token));
    }

    @PostMapping("/api/subscriptions/{id}/cancel")
    SubscriptionView cancel(@PathVariable String id, @RequestParam(required = false) @Nullable String token) {
        return SubscriptionView.of(subscriptions.cancel(id, token));
    }

    @PostMapping("/api/subscriptions/{id}/pause")
    SubscriptionView pause(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String token,
            @Valid @RequestBody PauseRequest request) {
        return SubscriptionView.of(subscriptions.pause(id, token, request.months()));
    }

    @PostMapping("/api/subscriptions/{id}/amount")
    SubscriptionView amount(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String token,
            @Valid @RequestBody AmountRequest request) {
        return SubscriptionView.of(
                subscriptions.changeAmount(id, token, request.amount().toMoney()));
    }

    /**
     * Another payment method for the next charges; a suspended gift starts again with it. When the provider
     * takes the new method on its own page, {@code redirect} is where to send the donor.
     */
    @PostMapping("/api/subscriptions/{id}/payment-method")
    MethodChangeView paymentMethod(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String token,
            @Valid @RequestBody MethodRequest request) {
        Subscriptions.MethodChangeStarted started = subscriptions.changeMethod(id, token, request.paymentMethod());
        return new MethodChangeView(SubscriptionView.of(started.subscription()), started.redirect());
    }

    record MethodRequest(@NotBlank @Size(max = 64) String paymentMethod) {}

    /** @param redirect the provider's page where the donor gives the new method; null when it is saved already */
    record MethodChangeView(
            SubscriptionView subscription, @Nullable URI redirect) {}

    record PauseRequest(@NotNull @Min(1) @Max(3) Integer months) {}

    record AmountRequest(@NotNull @Valid MoneyInput amount) {}
}
