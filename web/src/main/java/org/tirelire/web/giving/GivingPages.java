package org.tirelire.web.giving;

import jakarta.validation.Valid;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.contracts.money.Money;
import org.tirelire.identity.api.EmbedSites;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.page.LanguageSelection;
import org.tirelire.web.page.PagePolicy;
import org.tirelire.web.page.Referral;
import org.tirelire.web.platform.CampaignApi;
import org.tirelire.web.platform.DonationApi;
import org.tirelire.web.platform.PlatformBusy;
import org.tirelire.web.platform.PlatformRefusal;
import org.tirelire.web.platform.PlatformViews.Campaign;
import org.tirelire.web.platform.PlatformViews.Donation;
import org.tirelire.web.platform.PlatformViews.Reward;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Giving, without JavaScript: a plain form posted to the gateway, which records the gift through
 * donation-service with the form's Idempotency-Key and shows the donation's status page. A refused
 * form comes back filled in as typed, each error next to its field.
 */
@Controller
class GivingPages {

    /**
     * Many people giving at once: donation-service sheds the gifts it cannot confirm in time, before doing
     * anything, and asks for them again in a moment. The page sends the gift again, with the same
     * Idempotency-Key, as long as the donor would wait for a page (about 6 s), then says so.
     */
    static final Retry SENT_AGAIN_WHILE_BUSY = Retry.from(attempts -> attempts.concatMap(attempt -> {
        if (!(attempt.failure() instanceof PlatformBusy busy) || attempt.totalRetries() >= 4) {
            return Mono.error(attempt.failure());
        }
        Duration wait =
                busy.retryAfter().compareTo(Duration.ofSeconds(2)) > 0 ? Duration.ofSeconds(2) : busy.retryAfter();
        // Spread over half a second, so that the donors shed together do not all come back together.
        return Mono.delay(wait.plusMillis(ThreadLocalRandom.current().nextLong(500)));
    }));

    /** Where a service's field name shows in the form. */
    private static final Map<String, String> FORM_FIELDS = Map.ofEntries(
            Map.entry("amount", "amount"),
            Map.entry("amount.amount", "amount"),
            Map.entry("amount.currency", "amount"),
            Map.entry("donor.firstName", "firstName"),
            Map.entry("donor.lastName", "lastName"),
            Map.entry("donor.email", "email"),
            Map.entry("message", "message"),
            Map.entry("rewardId", "reward"),
            Map.entry("paymentMethod", "paymentMethod"),
            Map.entry("fundraiser", "fundraiser"),
            Map.entry("receipt.wanted", "receiptWanted"),
            Map.entry("receipt.address", "addressLine1"),
            Map.entry("receipt.address.line1", "addressLine1"),
            Map.entry("receipt.address.postalCode", "postalCode"),
            Map.entry("receipt.address.city", "city"),
            Map.entry("receipt.address.country", "country"),
            Map.entry("frequency", "frequency"),
            Map.entry("pollOption", "pollOption"));

    private final CampaignApi campaigns;
    private final DonationApi donations;
    private final EmbedSites embedSites;

    /** Where a provider's payment page may be: the giving form's answer sends the donor there. */
    private final List<String> paymentPageOrigins;

    GivingPages(
            CampaignApi campaigns,
            DonationApi donations,
            EmbedSites embedSites,
            @Value("${tirelire.pages.payment-page-origins:https://checkout.stripe.com,https://www.helloasso.com,"
                            + "https://www.helloasso-sandbox.com}")
                    List<String> paymentPageOrigins) {
        this.campaigns = campaigns;
        this.donations = donations;
        this.embedSites = embedSites;
        this.paymentPageOrigins = List.copyOf(paymentPageOrigins);
    }

    @GetMapping("/campaigns/{slug}/give")
    Mono<String> form(
            @PathVariable String slug,
            @RequestParam(required = false) @Nullable String reward,
            @RequestParam(required = false) @Nullable Long amount,
            ServerWebExchange exchange,
            Model model) {
        return campaigns
                .campaign(slug, null)
                .flatMap(campaign ->
                        show(campaign, blankForm(campaign, reward, amount, exchange), Map.of(), exchange, model));
    }

    /**
     * The giving form inside a frame on the association's own site (ADR 32), framed only by the sites the
     * organisation lists. It is sent with {@code target="_top"} to {@code /embed/campaigns/{slug}/give}: the
     * donor leaves the association's page for Tirelire's, where the payment starts and any mistake is shown.
     * That address takes the form without the CSRF cookie the frame cannot have, but only from this platform's
     * own page, as the browser tells it (the gateway's {@code GatewayConfiguration}).
     */
    @GetMapping("/embed/campaigns/{slug}/form")
    Mono<String> embeddedForm(
            @PathVariable String slug,
            @RequestParam(required = false) @Nullable Long amount,
            ServerWebExchange exchange,
            Model model) {
        return campaigns
                .campaign(slug, null)
                .flatMap(campaign -> embedSites
                        .allowedFor(campaign.organisationId())
                        .flatMap(sites -> {
                            model.addAttribute("embedded", true);
                            return show(
                                    campaign,
                                    blankForm(campaign, null, amount, exchange),
                                    Map.of(),
                                    PagePolicy.framedByWithFormsLeadingTo(sites, paymentPageOrigins),
                                    exchange,
                                    model);
                        }));
    }

    /** The form as first shown: a reward's minimum, or the amount a widget ticked, and where the donor came from. */
    private static GiftForm blankForm(
            Campaign campaign, @Nullable String reward, @Nullable Long amount, ServerWebExchange exchange) {
        Reward chosen = campaign.reward(reward);
        // A suggested amount chosen on a widget (embedded on the association's site) comes ticked.
        List<Long> suggested = SuggestedAmounts.of(campaign);
        Long preferred = amount != null && suggested.contains(amount) ? amount : suggested.get(1);
        String ticked = chosen == null ? preferred.toString() : "other";
        Referral referral = Referral.of(exchange.getRequest().getQueryParams());
        GiftForm form = GiftForm.blank(chosen == null ? null : chosen.id(), referral, ticked);
        return chosen == null ? form : form.withOtherAmount(chosen.minAmount());
    }

    @PostMapping({"/campaigns/{slug}/give", "/embed/campaigns/{slug}/give"})
    Mono<String> give(
            @PathVariable String slug,
            @Valid @ModelAttribute("form") GiftForm form,
            BindingResult binding,
            ServerWebExchange exchange,
            Model model) {
        return campaigns.campaign(slug, null).flatMap(campaign -> {
            Map<String, String> errors = new LinkedHashMap<>();
            OptionalLong amount = checkedAmount(form, campaign, errors);
            errors.putAll(FormInput.errors(binding));
            checkReceiptAddress(form, errors);
            if (form.recurring() && !form.reward().isBlank()) {
                errors.put("reward", "give.error.rewardRecurring");
            }
            if (!errors.isEmpty()) {
                errors.put("form", "give.error.refused"); // the summary a screen reader hears first
                exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                return show(campaign, form, errors, exchange, model);
            }
            Money gift = Money.of(amount.orElseThrow(), campaign.goal().currency());
            return donations
                    .give(form.key(), form.toDonation(campaign.id(), gift, LanguageSelection.languageOf(exchange)))
                    .retryWhen(SENT_AGAIN_WHILE_BUSY)
                    .map(GivingPages::whereTheDonorGoesNext)
                    .onErrorResume(PlatformRefusal.class, refusal -> {
                        exchange.getResponse().setStatusCode(HttpStatus.valueOf(refusal.status()));
                        return show(campaign, form, errorsOf(refusal), exchange, model);
                    })
                    .onErrorResume(PlatformBusy.class, busy -> {
                        // Still shed after every attempt: the form comes back with the same key, so that
                        // pressing the button again can never give twice.
                        exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
                        exchange.getResponse()
                                .getHeaders()
                                .set(
                                        HttpHeaders.RETRY_AFTER,
                                        String.valueOf(busy.retryAfter().toSeconds()));
                        return show(campaign, form, Map.of("form", "give.error.busy"), exchange, model);
                    });
        });
    }

    /** The donation's status: pending for a moment while the provider confirms, then thanks (or declined). */
    @GetMapping("/donations/{id}")
    Mono<String> donation(@PathVariable String id, Model model) {
        return donations
                .donation(id)
                .flatMap(donation -> campaigns
                        .campaign(donation.campaignId(), null)
                        .map(campaign -> {
                            model.addAttribute("donation", donation);
                            model.addAttribute("campaign", campaign);
                            return "donation";
                        }));
    }

    private Mono<String> show(
            Campaign campaign, GiftForm form, Map<String, String> errors, ServerWebExchange exchange, Model model) {
        return show(campaign, form, errors, PagePolicy.withFormsLeadingTo(paymentPageOrigins), exchange, model);
    }

    /** @param policy the page's Content-Security-Policy: its form may lead on to the payment providers' pages */
    private Mono<String> show(
            Campaign campaign,
            GiftForm form,
            Map<String, String> errors,
            String policy,
            ServerWebExchange exchange,
            Model model) {
        exchange.getResponse().getHeaders().set("Content-Security-Policy", policy);
        List<Long> suggested = SuggestedAmounts.of(campaign);
        // The amount chosen so far, if readable: its cost after the tax reduction shows beside the amounts.
        OptionalLong chosen = OptionalLong.empty();
        try {
            chosen = form.minorUnits(campaign.goal().currency());
        } catch (IllegalArgumentException notAnAmount) {
            // shown as an error already; the line then states the rate only
        }
        List<Long> costed = new java.util.ArrayList<>(suggested);
        chosen.ifPresent(amount -> {
            if (amount > 0 && !costed.contains(amount)) {
                costed.add(amount);
            }
        });
        OptionalLong selected = chosen;
        return Mono.zip(donations.paymentMethods(campaign.id()), donations.receiptPolicy(campaign.id(), costed))
                .map(found -> {
                    Money cost = selected.isPresent() ? found.getT2().costOf(selected.getAsLong()) : null;
                    model.addAttribute(
                            "selectedAmount", cost == null ? null : Money.of(selected.getAsLong(), cost.currency()));
                    model.addAttribute("selectedCost", cost);
                    model.addAttribute("campaign", campaign);
                    model.addAttribute("form", form);
                    model.addAttribute("errors", errors);
                    model.addAttribute("suggested", suggested);
                    model.addAttribute("payment", found.getT1());
                    model.addAttribute("receipts", found.getT2());
                    return "give";
                });
    }

    /** The provider's own payment page when it hosts one (Stripe, HelloAsso), else the gift's status page. */
    private static String whereTheDonorGoesNext(Donation donation) {
        return donation.awaitsPaymentOnProviderPage()
                ? "redirect:" + donation.nextAction().url()
                : "redirect:/donations/" + donation.id();
    }

    /** The amount in minor units, or empty with an error for the amount field. */
    static OptionalLong checkedAmount(GiftForm form, Campaign campaign, Map<String, String> errors) {
        String currency = campaign.goal().currency();
        OptionalLong amount;
        try {
            amount = form.minorUnits(currency);
        } catch (IllegalArgumentException notAnAmount) {
            errors.put("amount", "give.error.amount.unreadable");
            return OptionalLong.empty();
        }
        if (amount.isEmpty() || amount.getAsLong() <= 0) {
            errors.put("amount", "give.error.amount.missing");
            return OptionalLong.empty();
        }
        Reward reward = campaign.reward(form.reward());
        if (reward != null && amount.getAsLong() < reward.minAmount().amount()) {
            errors.put("amount", "give.error.amount.belowReward");
        }
        return amount;
    }

    /**
     * A wanted receipt needs the donor's address. donation-service checks it too and names each part; the
     * missing ones are found here as well, so that they show with the form's other mistakes at once.
     */
    static void checkReceiptAddress(GiftForm form, Map<String, String> errors) {
        if (!form.receiptWanted()) {
            return;
        }
        if (form.addressLine1().isBlank()) {
            errors.put("addressLine1", "give.error.addressLine1");
        }
        if (form.postalCode().isBlank()) {
            errors.put("postalCode", "give.error.postalCode");
        }
        if (form.city().isBlank()) {
            errors.put("city", "give.error.city");
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
}
