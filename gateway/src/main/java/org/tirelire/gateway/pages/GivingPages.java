package org.tirelire.gateway.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.contracts.money.Money;
import org.tirelire.gateway.pages.forms.GiftForm;
import org.tirelire.gateway.pages.forms.TypedAmount;
import org.tirelire.gateway.pages.platform.PlatformClient;
import org.tirelire.gateway.pages.platform.PlatformRefusal;
import org.tirelire.gateway.pages.platform.PlatformViews.Campaign;
import org.tirelire.gateway.pages.platform.PlatformViews.Reward;
import reactor.core.publisher.Mono;

/**
 * Giving, without JavaScript: a plain form posted to the gateway, which records the gift through
 * donation-service with the form's Idempotency-Key and shows the donation's status page. A refused
 * form comes back filled in as typed, each error next to its field.
 */
@Controller
class GivingPages {

    /** Suggested amounts in whole currency units; the donor may type any other. */
    private static final List<Long> SUGGESTED_UNITS = List.of(10L, 25L, 50L, 100L);

    /** Where a service's field name shows in the form. */
    private static final Map<String, String> FORM_FIELDS = Map.of(
            "amount", "amount",
            "amount.amount", "amount",
            "amount.currency", "amount",
            "donor.firstName", "firstName",
            "donor.lastName", "lastName",
            "donor.email", "email",
            "message", "message",
            "rewardId", "reward",
            "paymentMethod", "paymentMethod",
            "fundraiser", "fundraiser");

    private final PlatformClient platform;

    GivingPages(PlatformClient platform) {
        this.platform = platform;
    }

    @GetMapping("/campaigns/{slug}/give")
    Mono<String> form(
            @PathVariable String slug,
            @RequestParam(required = false) @Nullable String reward,
            @RequestParam(required = false) @Nullable String ref,
            Model model) {
        return platform.campaign(slug, null).flatMap(campaign -> {
            Reward chosen = campaign.reward(reward);
            String amount = chosen == null ? suggested(campaign).get(1).toString() : "other";
            GiftForm form = GiftForm.blank(chosen == null ? null : chosen.id(), PublicPages.validSlug(ref), amount);
            if (chosen != null) {
                form = withOtherAmount(form, chosen.minAmount());
            }
            return show(campaign, form, Map.of(), model);
        });
    }

    @PostMapping("/campaigns/{slug}/give")
    Mono<String> give(@PathVariable String slug, ServerWebExchange exchange, Model model) {
        return exchange.getFormData()
                .map(GiftForm::from)
                .flatMap(form -> platform.campaign(slug, null).flatMap(campaign -> {
                    Map<String, String> errors = new LinkedHashMap<>();
                    long amount = checkedAmount(form, campaign, errors);
                    requireFilled(form, errors);
                    if (!errors.isEmpty()) {
                        errors.put("form", "give.error.refused"); // the summary a screen reader hears first
                        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                        return show(campaign, form, errors, model);
                    }
                    String language = LanguageSelection.languageOf(exchange);
                    return platform.give(
                                    form.key(),
                                    form.toDonation(
                                            campaign.id(),
                                            amount,
                                            campaign.goal().currency(),
                                            language))
                            .map(donation -> "redirect:/donations/" + donation.id())
                            .onErrorResume(PlatformRefusal.class, refusal -> {
                                exchange.getResponse().setStatusCode(HttpStatus.valueOf(refusal.status()));
                                return show(campaign, form, errorsOf(refusal), model);
                            });
                }));
    }

    /** The donation's status: pending for a moment while the provider confirms, then thanks (or declined). */
    @GetMapping("/donations/{id}")
    Mono<String> donation(@PathVariable String id, Model model) {
        return platform.donation(id)
                .flatMap(donation -> platform.campaign(donation.campaignId(), null)
                        .map(campaign -> {
                            model.addAttribute("donation", donation);
                            model.addAttribute("campaign", campaign);
                            return "donation";
                        }));
    }

    private Mono<String> show(Campaign campaign, GiftForm form, Map<String, String> errors, Model model) {
        return platform.paymentMethods().map(methods -> {
            model.addAttribute("campaign", campaign);
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            model.addAttribute("suggested", suggested(campaign));
            model.addAttribute("payment", methods);
            return "give";
        });
    }

    /** The amount in minor units, or 0 with an error for the amount field. */
    private static long checkedAmount(GiftForm form, Campaign campaign, Map<String, String> errors) {
        String currency = campaign.goal().currency();
        OptionalLong amount;
        try {
            amount = form.minorUnits(currency);
        } catch (IllegalArgumentException notAnAmount) {
            errors.put("amount", "give.error.amount.unreadable");
            return 0;
        }
        if (amount.isEmpty() || amount.getAsLong() <= 0) {
            errors.put("amount", "give.error.amount.missing");
            return 0;
        }
        Reward reward = campaign.reward(form.reward());
        if (reward != null && amount.getAsLong() < reward.minAmount().amount()) {
            errors.put("amount", "give.error.amount.belowReward");
        }
        return amount.getAsLong();
    }

    private static void requireFilled(GiftForm form, Map<String, String> errors) {
        if (form.firstName().isBlank()) {
            errors.put("firstName", "give.error.firstName");
        }
        if (form.lastName().isBlank()) {
            errors.put("lastName", "give.error.lastName");
        }
        if (!form.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.put("email", "give.error.email");
        }
        if (form.paymentMethod().isBlank()) {
            errors.put("paymentMethod", "give.error.paymentMethod");
        }
    }

    /**
     * A service's refusal as form errors: message keys by form field, and under {@code form} the
     * refusal as a whole (campaign closed, reward sold out), which the page shows at the top.
     */
    private static Map<String, String> errorsOf(PlatformRefusal refusal) {
        Map<String, String> errors = new LinkedHashMap<>();
        refusal.messagesByField().keySet().forEach(field -> {
            String formField = FORM_FIELDS.get(field);
            if (formField != null) {
                errors.putIfAbsent(formField, "give.error." + formField);
            }
        });
        if (refusal.status() == 409) {
            errors.put("form", refusal.messageFor("rewardId").isPresent() ? "give.error.soldOut" : "give.error.closed");
        } else if (refusal.status() == 429) {
            errors.put("form", "give.error.tooMany");
        } else {
            errors.putIfAbsent("form", "give.error.refused");
        }
        return errors;
    }

    private static List<Long> suggested(Campaign campaign) {
        long unit = TypedAmount.minorUnitsPerUnit(campaign.goal().currency());
        return SUGGESTED_UNITS.stream().map(units -> units * unit).toList();
    }

    private static GiftForm withOtherAmount(GiftForm form, Money amount) {
        String typed = TypedAmount.typed(amount.amount(), amount.currency());
        return new GiftForm(
                form.key(),
                "other",
                typed,
                form.reward(),
                form.firstName(),
                form.lastName(),
                form.email(),
                form.message(),
                form.anonymous(),
                form.newsConsent(),
                form.fundraiser(),
                form.paymentMethod());
    }
}
