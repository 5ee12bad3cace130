package org.tirelire.web.organiser;

import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.platform.DonationApi;
import org.tirelire.web.platform.PlatformRefusal;
import org.tirelire.web.platform.PlatformViews.PaymentAccount;
import org.tirelire.web.session.OrganiserSession;
import org.tirelire.web.session.OrganiserSession.Organiser;
import reactor.core.publisher.Mono;

/**
 * The organisation's payment account: where its gifts are paid (the sandbox until it connects its own
 * Stripe or HelloAsso account), what to register at the provider, and the form to change it, which asks
 * for the organiser's password again. The provider checks the credentials before anything changes.
 */
@Controller
class PaymentAccountPages {

    /** The fields of the form, named as donation-service names them in its refusals. */
    private static final Set<String> FIELDS = Set.of(
            "provider",
            "secretKey",
            "webhookSecret",
            "clientId",
            "clientSecret",
            "organisationSlug",
            "currentPassword");

    private final DonationApi donations;
    private final OrganiserSession sessions;

    PaymentAccountPages(DonationApi donations, OrganiserSession sessions) {
        this.donations = donations;
        this.sessions = sessions;
    }

    @GetMapping("/organiser/payments")
    Mono<String> account(
            @RequestParam(required = false) @Nullable String saved, ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> donations
                        .paymentAccount(organiser.authorization())
                        .map(account -> {
                            model.addAttribute("saved", saved != null);
                            return page(account, PaymentAccountForm.showing(account.provider()), Map.of(), model);
                        }));
    }

    @PostMapping("/organiser/payments")
    Mono<String> connect(
            @Valid @ModelAttribute("form") PaymentAccountForm form,
            BindingResult binding,
            ServerWebExchange exchange,
            Model model) {
        return sessions.required(exchange).flatMap(organiser -> {
            if (binding.hasErrors()) {
                Map<String, String> errors = new LinkedHashMap<>(FormInput.errors(binding));
                errors.put("form", "payments.error.refused");
                return refused(organiser, form, errors, HttpStatus.UNPROCESSABLE_CONTENT, exchange, model);
            }
            return donations
                    .connectPaymentAccount(organiser.authorization(), form.toChange())
                    .flatMap(result -> {
                        if ("INVALID".equals(result.status())) {
                            model.addAttribute("providerRefusal", result.detail());
                            return refused(
                                    organiser,
                                    form,
                                    Map.of("form", "payments.error.providerRefused"),
                                    HttpStatus.UNPROCESSABLE_CONTENT,
                                    exchange,
                                    model);
                        }
                        return Mono.just("redirect:/organiser/payments?saved=1");
                    })
                    .onErrorResume(
                            PlatformRefusal.class,
                            refusal -> refused(
                                    organiser,
                                    form,
                                    errorsOf(refusal),
                                    HttpStatus.valueOf(refusal.status()),
                                    exchange,
                                    model));
        });
    }

    /** The page again, with what went wrong, the account as it still is, and no secret typed. */
    private Mono<String> refused(
            Organiser organiser,
            PaymentAccountForm form,
            Map<String, String> errors,
            HttpStatus status,
            ServerWebExchange exchange,
            Model model) {
        exchange.getResponse().setStatusCode(status);
        return donations
                .paymentAccount(organiser.authorization())
                .map(account -> page(account, form.withoutSecrets(), errors, model));
    }

    private static String page(
            PaymentAccount account, PaymentAccountForm form, Map<String, String> errors, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "organiser/payments";
    }

    /** A refusal as message keys by form field, and a summary under {@code form}. */
    private static Map<String, String> errorsOf(PlatformRefusal refusal) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (refusal.status() == 429) {
            errors.put("form", "payments.error.tooMany");
            return errors;
        }
        refusal.messagesByField().keySet().stream()
                .filter(FIELDS::contains)
                .forEach(field -> errors.put(field, "payments.error." + field));
        if (errors.containsKey("currentPassword")) {
            errors.put("currentPassword", "payments.error.currentPassword.wrong");
        }
        errors.put("form", "payments.error.refused");
        return errors;
    }
}
