package org.tirelire.gateway.pages;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.gateway.pages.OrganiserSession.Organiser;
import org.tirelire.gateway.pages.forms.CampaignForm;
import org.tirelire.gateway.pages.forms.Forms;
import org.tirelire.gateway.pages.forms.OfflineGiftForm;
import org.tirelire.gateway.pages.platform.PlatformClient;
import org.tirelire.gateway.pages.platform.PlatformRefusal;
import org.tirelire.gateway.pages.platform.PlatformUnavailable;
import org.tirelire.gateway.pages.platform.PlatformViews.Campaign;
import org.tirelire.gateway.pages.platform.PlatformViews.DonationsPage;
import reactor.core.publisher.Mono;

/**
 * The organiser's dashboard: their campaigns, and for each one its progress, donations (refund, CSV
 * export, offline gifts), news, collection pages (hide an abusive one), and the lifecycle buttons.
 * Every action is a plain form; what it may touch is decided by the service, from the organiser's token.
 * After an action the page is shown again with a line saying what was done ({@code ?done=}).
 */
@Controller
class OrganiserCampaignPages {

    private static final Set<String> LIFECYCLE_ACTIONS = Set.of("publish", "close", "cancel");
    private static final Set<String> DONATION_STATUSES = Set.of("PENDING", "CONFIRMED", "FAILED", "REFUNDED");

    private final PlatformClient platform;
    private final OrganiserSession sessions;
    private final ZoneId zone;
    private final Clock clock;

    OrganiserCampaignPages(
            PlatformClient platform,
            OrganiserSession sessions,
            @Value("${tirelire.pages.time-zone:Europe/Paris}") ZoneId zone,
            Clock clock) {
        this.platform = platform;
        this.sessions = sessions;
        this.zone = zone;
        this.clock = clock;
    }

    @GetMapping("/organiser")
    Mono<String> dashboard(
            @RequestParam(required = false) @Nullable String welcome, ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> platform.campaignsOf(organiser.token()))
                .map(campaigns -> {
                    model.addAttribute("campaigns", campaigns);
                    model.addAttribute("welcome", welcome != null);
                    return "organiser/dashboard";
                });
    }

    @GetMapping("/organiser/campaigns/new")
    Mono<String> creationForm(ServerWebExchange exchange, Model model) {
        return sessions.required(exchange).map(organiser -> campaignForm(null, CampaignForm.blank(), Map.of(), model));
    }

    @PostMapping("/organiser/campaigns/new")
    Mono<String> create(ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> exchange.getFormData()
                        .map(CampaignForm::from)
                        .flatMap(form -> {
                            Map<String, String> errors = form.errors(today());
                            if (!errors.isEmpty()) {
                                return Mono.just(refusedForm(exchange, null, form, errors, model));
                            }
                            return platform.createCampaign(organiser.token(), form.toCreation(zone))
                                    .map(created -> "redirect:/organiser/campaigns/" + created.id() + "?done=created")
                                    .onErrorResume(PlatformRefusal.class, refusal -> {
                                        model.addAttribute("refusal", refusal.detail());
                                        return Mono.just(
                                                refusedForm(exchange, null, form, campaignErrors(refusal), model));
                                    });
                        }));
    }

    @GetMapping("/organiser/campaigns/{id}/edit")
    Mono<String> editForm(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> ownCampaign(organiser, id))
                .map(campaign -> campaignForm(campaign, CampaignForm.of(campaign, zone), Map.of(), model));
    }

    @PostMapping("/organiser/campaigns/{id}/edit")
    Mono<String> edit(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> ownCampaign(organiser, id)
                        .flatMap(campaign -> exchange.getFormData()
                                .map(CampaignForm::from)
                                .flatMap(form -> {
                                    Map<String, String> errors = form.errors(today());
                                    if (!errors.isEmpty()) {
                                        return Mono.just(refusedForm(exchange, campaign, form, errors, model));
                                    }
                                    return platform.reviseCampaign(organiser.token(), id, form.toRevision(zone))
                                            .map(revised -> "redirect:/organiser/campaigns/" + id + "?done=saved")
                                            .onErrorResume(PlatformRefusal.class, refusal -> {
                                                model.addAttribute("refusal", refusal.detail());
                                                return Mono.just(refusedForm(
                                                        exchange, campaign, form, campaignErrors(refusal), model));
                                            });
                                })));
    }

    @GetMapping("/organiser/campaigns/{id}")
    Mono<String> campaign(
            @PathVariable String id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String done,
            ServerWebExchange exchange,
            Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> manage(organiser, id, page, status, model))
                .doOnNext(view -> model.addAttribute("done", done == null ? null : done.replaceAll("[^a-zA-Z]", "")));
    }

    @PostMapping("/organiser/campaigns/{id}/{action:publish|close|cancel}")
    Mono<String> changeStatus(@PathVariable String id, @PathVariable String action, ServerWebExchange exchange) {
        if (!LIFECYCLE_ACTIONS.contains(action)) {
            return Mono.error(new PageNotFound());
        }
        return sessions.required(exchange)
                .flatMap(organiser -> platform.changeCampaignStatus(organiser.token(), id, action))
                .map(changed -> "redirect:/organiser/campaigns/" + id + "?done=" + action);
    }

    @PostMapping("/organiser/campaigns/{id}/news")
    Mono<String> postNews(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> exchange.getFormData().flatMap(data -> {
                    String title = Forms.text(data, "title");
                    String body = Forms.text(data, "body");
                    if (title.isBlank() || body.isBlank()) {
                        return refusedAction(exchange, organiser, id, Map.of("news", "news.error.empty"), model);
                    }
                    return platform.postNews(organiser.token(), id, title, body)
                            .map(posted -> "redirect:/organiser/campaigns/" + id + "?done=news")
                            .onErrorResume(
                                    PlatformRefusal.class,
                                    refusal -> refusedAction(
                                            exchange, organiser, id, Map.of("news", "news.error.refused"), model));
                }));
    }

    @PostMapping("/organiser/campaigns/{id}/offline-gifts")
    Mono<String> recordOfflineGift(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> ownCampaign(organiser, id)
                        .flatMap(campaign -> exchange.getFormData().flatMap(data -> {
                            OfflineGiftForm form = OfflineGiftForm.from(data);
                            String currency = campaign.goal().currency();
                            Map<String, String> errors = form.errors(currency);
                            model.addAttribute("offline", form);
                            if (!errors.isEmpty()) {
                                return refusedAction(exchange, organiser, id, errors, model);
                            }
                            return platform.recordOfflineGift(organiser.token(), id, form.toGift(currency))
                                    .map(recorded -> "redirect:/organiser/campaigns/" + id + "?done=offline")
                                    .onErrorResume(
                                            PlatformRefusal.class,
                                            refusal -> refusedAction(
                                                    exchange,
                                                    organiser,
                                                    id,
                                                    Map.of("offline.form", "offline.error.refused"),
                                                    model));
                        })));
    }

    @PostMapping("/organiser/campaigns/{id}/donations/{donationId}/refund")
    Mono<String> refund(@PathVariable String id, @PathVariable String donationId, ServerWebExchange exchange) {
        return sessions.required(exchange)
                .flatMap(organiser -> platform.refund(organiser.token(), donationId))
                .thenReturn("redirect:/organiser/campaigns/" + id + "?done=refunded");
    }

    @PostMapping("/organiser/campaigns/{id}/fundraisers/{slug}/hide")
    Mono<String> hide(@PathVariable String id, @PathVariable String slug, ServerWebExchange exchange) {
        return sessions.required(exchange)
                .flatMap(organiser -> platform.hideFundraiser(organiser.token(), slug))
                .thenReturn("redirect:/organiser/campaigns/" + id + "?done=hidden");
    }

    /** The export as donation-service writes it, for French Excel (UTF-8 with BOM, {@code ;}). */
    @GetMapping("/organiser/campaigns/{id}/donations.csv")
    Mono<ResponseEntity<byte[]>> csv(@PathVariable String id, ServerWebExchange exchange) {
        return sessions.required(exchange)
                .flatMap(organiser -> platform.donationsCsv(organiser.token(), id))
                .map(csv -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dons-" + id + ".csv\"")
                        .body(csv));
    }

    private Mono<String> manage(Organiser organiser, String id, int page, @Nullable String status, Model model) {
        String statusFilter = status != null && DONATION_STATUSES.contains(status) ? status : null;
        return ownCampaign(organiser, id)
                .flatMap(campaign -> Mono.zip(
                                // donation-service hears of a campaign when it is published: a draft has no gifts.
                                campaign.draft()
                                        ? Mono.just(new DonationsPage(List.of(), 0, 50, 0))
                                        : platform.donations(organiser.token(), id, Math.max(page, 0), statusFilter),
                                platform.news(id, organiser.token()),
                                platform.leaderboard(id)
                                        .map(java.util.Optional::of)
                                        .onErrorResume(
                                                PlatformUnavailable.class, e -> Mono.just(java.util.Optional.empty())))
                        .map(parts -> {
                            model.addAttribute("campaign", campaign);
                            model.addAttribute("donations", parts.getT1());
                            model.addAttribute("news", parts.getT2());
                            parts.getT3().ifPresent(pages -> model.addAttribute("fundraisers", pages));
                            model.addAttribute("statusFilter", statusFilter);
                            if (!model.containsAttribute("offline")) {
                                model.addAttribute("offline", OfflineGiftForm.blank());
                            }
                            if (!model.containsAttribute("errors")) {
                                model.addAttribute("errors", Map.of());
                            }
                            return "organiser/campaign";
                        }));
    }

    /** A form of the campaign page was refused: the page again, with the form's errors. */
    private Mono<String> refusedAction(
            ServerWebExchange exchange, Organiser organiser, String id, Map<String, String> errors, Model model) {
        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
        model.addAttribute("errors", errors);
        return manage(organiser, id, 0, null, model);
    }

    /** The campaign, if it is this organiser's: campaign-service shows drafts only to their owner. */
    private Mono<Campaign> ownCampaign(Organiser organiser, String id) {
        return platform.campaignsOf(organiser.token())
                .flatMap(mine -> mine.stream()
                        .filter(c -> c.id().equals(id))
                        .findFirst()
                        .map(Mono::just)
                        .orElseGet(() -> Mono.error(new PageNotFound())));
    }

    private String campaignForm(
            @Nullable Campaign campaign, CampaignForm form, Map<String, String> errors, Model model) {
        if (campaign != null) {
            model.addAttribute("campaign", campaign);
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("currencies", List.of("EUR", "CHF", "GBP", "USD", "CAD"));
        return "organiser/campaign-form";
    }

    private String refusedForm(
            ServerWebExchange exchange,
            @Nullable Campaign campaign,
            CampaignForm form,
            Map<String, String> errors,
            Model model) {
        errors.putIfAbsent("form", "campaignForm.error.refused");
        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
        return campaignForm(campaign, form.withEmptyRows(), errors, model);
    }

    /** campaign-service's field names as the form's; the refusal's own words are shown at the top as well. */
    private static Map<String, String> campaignErrors(PlatformRefusal refusal) {
        Map<String, String> errors = new LinkedHashMap<>();
        refusal.messagesByField().keySet().forEach(field -> {
            String root = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
            root = root.replaceAll("\\[\\d+]", "");
            switch (root) {
                case "title", "summary", "story", "coverImageUrl", "goal", "rewards" ->
                    errors.putIfAbsent(root, "campaignForm.error." + root);
                case "stretchGoals" -> errors.putIfAbsent("stretchGoals", "campaignForm.error.stretchGoal");
                case "endsAt" -> errors.putIfAbsent("endsOn", "campaignForm.error.endsOn");
                default -> {}
            }
        });
        errors.put("form", "campaignForm.error.refused");
        return errors;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
