package org.tirelire.gateway.pages;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;
import org.tirelire.gateway.pages.forms.Forms;
import org.tirelire.gateway.pages.forms.FundraiserForm;
import org.tirelire.gateway.pages.forms.TypedAmount;
import org.tirelire.gateway.pages.platform.PlatformClient;
import org.tirelire.gateway.pages.platform.PlatformRefusal;
import org.tirelire.gateway.pages.platform.PlatformViews.Campaign;
import org.tirelire.gateway.pages.platform.PlatformViews.Fundraiser;
import reactor.core.publisher.Mono;

/**
 * Peer-to-peer: a supporter opens their collection page from a campaign, shares it (share kit, QR
 * code), and edits or closes it later through the private link they were given, which carries the
 * page's edit token. No account is needed (ADR 9).
 */
@Controller
class FundraiserPages {

    private final PlatformClient platform;

    FundraiserPages(PlatformClient platform) {
        this.platform = platform;
    }

    @GetMapping("/campaigns/{slug}/fundraisers/new")
    Mono<String> openingForm(@PathVariable String slug, Model model) {
        return platform.campaign(slug, null)
                .map(campaign -> opening(campaign, FundraiserForm.blank(), Map.of(), model));
    }

    @PostMapping("/campaigns/{slug}/fundraisers/new")
    Mono<String> open(@PathVariable String slug, ServerWebExchange exchange, Model model) {
        return exchange.getFormData()
                .map(FundraiserForm::from)
                .flatMap(form -> platform.campaign(slug, null).flatMap(campaign -> {
                    String currency = campaign.goal().currency();
                    Map<String, String> errors = form.errors(currency, true);
                    if (!errors.isEmpty()) {
                        errors.put("form", "fundraiser.error.refused");
                        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                        return Mono.just(opening(campaign, form, errors, model));
                    }
                    return platform.openFundraiser(
                                    campaign.id(), form.toOpening(currency, LanguageSelection.languageOf(exchange)))
                            .map(page -> "redirect:" + editLink(page.slug(), page.editToken()) + "&created=1")
                            .onErrorResume(PlatformRefusal.class, refusal -> {
                                exchange.getResponse().setStatusCode(HttpStatus.valueOf(refusal.status()));
                                return Mono.just(opening(campaign, form, errorsOf(refusal), model));
                            });
                }));
    }

    @GetMapping("/fundraisers/{slug}")
    Mono<String> page(@PathVariable String slug, Model model) {
        return platform.fundraiser(slug)
                .flatMap(page -> platform.campaign(page.campaignId(), null).map(campaign -> {
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
        return platform.fundraiser(slug)
                .flatMap(page -> platform.campaign(page.campaignId(), null)
                        .map(campaign -> editing(
                                campaign,
                                page,
                                token,
                                new FundraiserForm(
                                        page.supporterName(),
                                        "",
                                        page.title(),
                                        page.goal() == null
                                                ? ""
                                                : TypedAmount.typed(
                                                        page.goal().amount(),
                                                        page.goal().currency()),
                                        page.message() == null ? "" : page.message(),
                                        page.team() == null ? "" : page.team()),
                                Map.of(),
                                model)));
    }

    @PostMapping("/fundraisers/{slug}/edit")
    Mono<String> edit(@PathVariable String slug, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(data -> {
            FundraiserForm form = FundraiserForm.from(data);
            String token = Forms.text(data, "token");
            return platform.fundraiser(slug)
                    .flatMap(page -> platform.campaign(page.campaignId(), null).flatMap(campaign -> {
                        String currency = campaign.goal().currency();
                        Map<String, String> errors = form.errors(currency, false);
                        if (!errors.isEmpty()) {
                            errors.put("form", "fundraiser.error.refused");
                            exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                            return Mono.just(editing(campaign, page, token, form, errors, model));
                        }
                        return platform.editFundraiser(slug, token, form.toEdit(currency))
                                .map(edited -> "redirect:" + editLink(slug, token) + "&saved=1")
                                .onErrorResume(PlatformRefusal.class, refusal -> {
                                    exchange.getResponse().setStatusCode(HttpStatus.valueOf(refusal.status()));
                                    return Mono.just(editing(campaign, page, token, form, errorsOf(refusal), model));
                                });
                    }));
        });
    }

    @PostMapping("/fundraisers/{slug}/close")
    Mono<String> close(@PathVariable String slug, ServerWebExchange exchange) {
        return exchange.getFormData()
                .flatMap(data -> platform.closeFundraiser(slug, Forms.text(data, "token")))
                .map(closed -> "redirect:/fundraisers/" + slug);
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
        Map<String, String> errors = new java.util.LinkedHashMap<>();
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

    private static String editLink(String slug, String token) {
        return "/fundraisers/" + slug + "/edit?token="
                + UriUtils.encodeQueryParam(token, java.nio.charset.StandardCharsets.UTF_8);
    }
}
