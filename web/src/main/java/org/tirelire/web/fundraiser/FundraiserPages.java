package org.tirelire.web.fundraiser;

import jakarta.validation.groups.Default;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.page.LanguageSelection;
import org.tirelire.web.platform.CampaignApi;
import org.tirelire.web.platform.FundraiserApi;
import org.tirelire.web.platform.PlatformRefusal;
import org.tirelire.web.platform.PlatformViews.Campaign;
import org.tirelire.web.platform.PlatformViews.Fundraiser;
import reactor.core.publisher.Mono;

/**
 * Peer-to-peer: a supporter opens their collection page from a campaign, shares it (share kit, QR
 * code), and edits or closes it later through the private link they were given, which carries the
 * page's edit token. No account is needed (ADR 9).
 */
@Controller
class FundraiserPages {

    private final CampaignApi campaigns;
    private final FundraiserApi fundraisers;

    FundraiserPages(CampaignApi campaigns, FundraiserApi fundraisers) {
        this.campaigns = campaigns;
        this.fundraisers = fundraisers;
    }

    @GetMapping("/campaigns/{slug}/fundraisers/new")
    Mono<String> openingForm(@PathVariable String slug, Model model) {
        return campaigns
                .campaign(slug, null)
                .map(campaign -> opening(campaign, FundraiserForm.blank(), Map.of(), model));
    }

    @PostMapping("/campaigns/{slug}/fundraisers/new")
    Mono<String> open(
            @PathVariable String slug,
            @Validated({Default.class, FundraiserForm.Opening.class}) @ModelAttribute("form") FundraiserForm form,
            BindingResult binding,
            ServerWebExchange exchange,
            Model model) {
        return campaigns.campaign(slug, null).flatMap(campaign -> {
            String currency = campaign.goal().currency();
            Map<String, String> errors = refusedFields(form, binding, currency);
            if (!errors.isEmpty()) {
                exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                return Mono.just(opening(campaign, form, errors, model));
            }
            return fundraisers
                    .open(campaign.id(), form.toOpening(currency, LanguageSelection.languageOf(exchange)))
                    .map(page -> "redirect:" + EditLink.to(page.slug(), page.editToken()) + "&created=1")
                    .onErrorResume(PlatformRefusal.class, refusal -> {
                        exchange.getResponse().setStatusCode(HttpStatus.valueOf(refusal.status()));
                        return Mono.just(opening(campaign, form, errorsOf(refusal), model));
                    });
        });
    }

    @GetMapping("/fundraisers/{slug}")
    Mono<String> page(@PathVariable String slug, Model model) {
        return fundraisers
                .fundraiser(slug)
                .flatMap(page -> campaigns.campaign(page.campaignId(), null).map(campaign -> {
                    model.addAttribute("page", page);
                    model.addAttribute("campaign", campaign);
                    return "fundraiser";
                }));
    }

    /** The supporter's private page: the link they received (and are told to keep) carries the edit token. */
    @GetMapping("/fundraisers/{slug}/edit")
    Mono<String> editForm(
            @PathVariable String slug,
            @RequestParam String token,
            @RequestParam(required = false) @Nullable String created,
            @RequestParam(required = false) @Nullable String saved,
            Model model) {
        model.addAttribute("created", created != null);
        model.addAttribute("saved", saved != null);
        return fundraisers
                .fundraiser(slug)
                .flatMap(page -> campaigns
                        .campaign(page.campaignId(), null)
                        .map(campaign -> editing(campaign, page, token, FundraiserForm.of(page), Map.of(), model)));
    }

    @PostMapping("/fundraisers/{slug}/edit")
    Mono<String> edit(
            @PathVariable String slug,
            @Validated @ModelAttribute("form") FundraiserForm form,
            BindingResult binding,
            @ModelAttribute("link") EditLink link,
            ServerWebExchange exchange,
            Model model) {
        return fundraisers
                .fundraiser(slug)
                .flatMap(page -> campaigns.campaign(page.campaignId(), null).flatMap(campaign -> {
                    String currency = campaign.goal().currency();
                    Map<String, String> errors = refusedFields(form, binding, currency);
                    if (!errors.isEmpty()) {
                        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                        return Mono.just(editing(campaign, page, link.token(), form, errors, model));
                    }
                    return fundraisers
                            .edit(slug, link.token(), form.toEdit(currency))
                            .map(edited -> "redirect:" + EditLink.to(slug, link.token()) + "&saved=1")
                            .onErrorResume(PlatformRefusal.class, refusal -> {
                                exchange.getResponse().setStatusCode(HttpStatus.valueOf(refusal.status()));
                                return Mono.just(editing(campaign, page, link.token(), form, errorsOf(refusal), model));
                            });
                }));
    }

    @PostMapping("/fundraisers/{slug}/close")
    Mono<String> close(@PathVariable String slug, @ModelAttribute EditLink link) {
        return fundraisers.close(slug, link.token()).map(closed -> "redirect:/fundraisers/" + slug);
    }

    /** What the form itself shows wrong, with the summary at the top; empty when it may be sent. */
    private static Map<String, String> refusedFields(FundraiserForm form, BindingResult binding, String currency) {
        Map<String, String> errors = new LinkedHashMap<>(FormInput.errors(binding));
        form.goalErrors(currency).forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            errors.put("form", "fundraiser.error.refused");
        }
        return errors;
    }

    private static String opening(Campaign campaign, FundraiserForm form, Map<String, String> errors, Model model) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "fundraiser-new";
    }

    private static String editing(
            Campaign campaign,
            Fundraiser page,
            String token,
            FundraiserForm form,
            Map<String, String> errors,
            Model model) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("page", page);
        model.addAttribute("token", token);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "fundraiser-edit";
    }

    private static Map<String, String> errorsOf(PlatformRefusal refusal) {
        Map<String, String> errors = new LinkedHashMap<>();
        refusal.messagesByField().keySet().forEach(field -> {
            String formField = switch (field) {
                case "supporter.name" -> "name";
                case "supporter.email" -> "email";
                case "goal", "goal.amount", "goal.currency" -> "goal";
                case "title", "message", "team" -> field;
                default -> null;
            };
            if (formField != null) {
                errors.put(formField, "fundraiser.error." + formField);
            }
        });
        errors.put("form", refusal.status() == 409 ? "fundraiser.error.closed" : "fundraiser.error.refused");
        return errors;
    }
}
