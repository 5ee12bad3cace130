package org.tirelire.web.subscription;

import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import org.tirelire.contracts.money.Money;
import org.tirelire.web.page.TypedAmount;
import org.tirelire.web.platform.CampaignApi;
import org.tirelire.web.platform.DonationApi;
import org.tirelire.web.platform.PlatformRefusal;
import org.tirelire.web.platform.PlatformRequests.SubscriptionAmount;
import org.tirelire.web.platform.PlatformRequests.SubscriptionLinks;
import org.tirelire.web.platform.PlatformRequests.SubscriptionMethod;
import org.tirelire.web.platform.PlatformRequests.SubscriptionPause;
import reactor.core.publisher.Mono;

/**
 * A donor's page for their recurring gift, opened from the signed link in every email about it: no
 * account, no password. It shows the gift and lets them change the amount, pause it for one to three
 * months, or stop it in one click. A link forged or expired shows the error page (403).
 */
@Controller
class SubscriptionPages {

    private final DonationApi donations;
    private final CampaignApi campaigns;

    SubscriptionPages(DonationApi donations, CampaignApi campaigns) {
        this.donations = donations;
        this.campaigns = campaigns;
    }

    /** Where a donor whose link expired, or who lost the email, asks for a new one. */
    @GetMapping("/subscriptions/link")
    String askForLink(@RequestParam(required = false) @Nullable String sent, Model model) {
        model.addAttribute("sent", sent != null);
        model.addAttribute("errors", Map.of());
        return "subscription-link";
    }

    /** The forms of these pages, read from their bodies (WebFlux reads only the query with @RequestParam). */
    record LinkForm(@Nullable String email) {}

    record PauseForm(@Nullable Integer months) {}

    record AmountForm(@Nullable String amount) {}

    record MethodForm(@Nullable String paymentMethod) {}

    @PostMapping("/subscriptions/link")
    Mono<String> sendLink(@ModelAttribute LinkForm form, ServerWebExchange exchange, Model model) {
        String typed = form.email() == null ? "" : form.email().strip();
        if (!typed.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || typed.length() > 254) {
            exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
            model.addAttribute("sent", false);
            model.addAttribute("errors", Map.of("email", "give.error.email"));
            return Mono.just("subscription-link");
        }
        return donations
                .sendSubscriptionLinks(new SubscriptionLinks(typed))
                .thenReturn("redirect:/subscriptions/link?sent");
    }

    @GetMapping("/subscriptions/{id}")
    Mono<String> page(
            @PathVariable String id,
            @RequestParam String token,
            @RequestParam(required = false) @Nullable String done,
            Model model) {
        model.addAttribute("done", done != null && done.matches("cancelled|paused|amount|method") ? done : null);
        return show(id, token, Map.of(), model);
    }

    @PostMapping("/subscriptions/{id}/cancel")
    Mono<String> cancel(@PathVariable String id, @RequestParam String token) {
        return donations.cancelSubscription(id, token).thenReturn(backTo(id, token, "cancelled"));
    }

    @PostMapping("/subscriptions/{id}/pause")
    Mono<String> pause(@PathVariable String id, @RequestParam String token, @ModelAttribute PauseForm form) {
        int months = form.months() == null ? 1 : Math.max(1, Math.min(3, form.months()));
        return donations
                .pauseSubscription(id, token, new SubscriptionPause(months))
                .thenReturn(backTo(id, token, "paused"));
    }

    /**
     * Another payment method: saved at once (the sandbox), or given on the provider's page (Stripe), where
     * the donor is sent and which brings them back here.
     */
    @PostMapping("/subscriptions/{id}/payment-method")
    Mono<String> paymentMethod(
            @PathVariable String id,
            @RequestParam String token,
            @ModelAttribute MethodForm form,
            ServerWebExchange exchange,
            Model model) {
        String method = form.paymentMethod() == null ? "" : form.paymentMethod();
        return donations
                .changeSubscriptionMethod(id, token, new SubscriptionMethod(method))
                .map(change ->
                        change.redirect() != null ? "redirect:" + change.redirect() : backTo(id, token, "method"))
                .onErrorResume(PlatformRefusal.class, refusal -> {
                    exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                    return show(id, token, Map.of("paymentMethod", "subscription.error.method"), model);
                });
    }

    @PostMapping("/subscriptions/{id}/amount")
    Mono<String> amount(
            @PathVariable String id,
            @RequestParam String token,
            @ModelAttribute AmountForm form,
            ServerWebExchange exchange,
            Model model) {
        String amount = form.amount();
        return donations.subscription(id, token).flatMap(subscription -> {
            String currency = subscription.amount().currency();
            OptionalLong typed;
            try {
                typed = TypedAmount.minorUnits(amount == null ? "" : amount, currency);
            } catch (IllegalArgumentException notAnAmount) {
                typed = OptionalLong.empty();
            }
            if (typed.isEmpty() || typed.getAsLong() <= 0) {
                exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                return show(id, token, Map.of("amount", "subscription.error.amount"), model);
            }
            return donations
                    .changeSubscriptionAmount(id, token, new SubscriptionAmount(Money.of(typed.getAsLong(), currency)))
                    .thenReturn(backTo(id, token, "amount"))
                    .onErrorResume(PlatformRefusal.class, refusal -> {
                        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                        return show(id, token, Map.of("amount", "subscription.error.amount"), model);
                    });
        });
    }

    private Mono<String> show(String id, String token, Map<String, String> errors, Model model) {
        return donations
                .subscription(id, token)
                .flatMap(subscription -> Mono.zip(
                                campaigns.campaign(subscription.campaignId(), null),
                                donations.paymentMethods(subscription.campaignId()))
                        .map(found -> {
                            model.addAttribute("subscription", subscription);
                            model.addAttribute("campaign", found.getT1());
                            model.addAttribute("methods", found.getT2().methods());
                            model.addAttribute("token", token);
                            model.addAttribute("errors", errors);
                            return "subscription";
                        }));
    }

    private static String backTo(String id, String token, String done) {
        return "redirect:"
                + UriComponentsBuilder.fromPath("/subscriptions/{id}")
                        .queryParam("token", token)
                        .queryParam("done", done)
                        .buildAndExpand(id)
                        .toUriString();
    }
}
