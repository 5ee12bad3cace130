package org.tirelire.web.organiser;

import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.web.page.FormInput;
import org.tirelire.web.page.PageFormat;
import org.tirelire.web.page.PageNotFound;
import org.tirelire.web.platform.CampaignApi;
import org.tirelire.web.platform.DonationApi;
import org.tirelire.web.platform.FundraiserApi;
import org.tirelire.web.platform.PlatformRefusal;
import org.tirelire.web.platform.PlatformUnavailable;
import org.tirelire.web.platform.PlatformViews.Campaign;
import org.tirelire.web.platform.PlatformViews.DonationsPage;
import org.tirelire.web.platform.PlatformViews.Insights;
import org.tirelire.web.platform.PlatformViews.Match;
import org.tirelire.web.platform.PlatformViews.ReceiptPolicy;
import org.tirelire.web.session.OrganiserSession;
import org.tirelire.web.session.OrganiserSession.Organiser;
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
    private static final int DONATIONS_PER_PAGE = 50;

    private final CampaignApi campaigns;
    private final DonationApi donations;
    private final FundraiserApi fundraisers;
    private final OrganiserSession sessions;
    private final ZoneId zone;
    private final Clock clock;
    private final MessageSource messages;

    OrganiserCampaignPages(
            CampaignApi campaigns,
            DonationApi donations,
            FundraiserApi fundraisers,
            OrganiserSession sessions,
            @Value("${tirelire.pages.time-zone:Europe/Paris}") ZoneId zone,
            Clock clock,
            MessageSource messages) {
        this.messages = messages;
        this.campaigns = campaigns;
        this.donations = donations;
        this.fundraisers = fundraisers;
        this.sessions = sessions;
        this.zone = zone;
        this.clock = clock;
    }

    @GetMapping("/organiser")
    Mono<String> dashboard(
            @RequestParam(required = false) @Nullable String welcome,
            @RequestParam(required = false) @Nullable String joined,
            ServerWebExchange exchange,
            Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> Mono.zip(
                        campaigns.campaignsOf(organiser.authorization()),
                        donations.paymentAccount(organiser.authorization())))
                .map(parts -> {
                    model.addAttribute("campaigns", parts.getT1());
                    model.addAttribute("paymentAccount", parts.getT2());
                    model.addAttribute("welcome", welcome != null);
                    model.addAttribute("joined", joined != null);
                    return "organiser/dashboard";
                });
    }

    @GetMapping("/organiser/campaigns/new")
    Mono<String> creationForm(ServerWebExchange exchange, Model model) {
        return sessions.required(exchange).map(organiser -> campaignForm(null, CampaignForm.blank(), Map.of(), model));
    }

    @PostMapping("/organiser/campaigns/new")
    Mono<String> create(
            @Valid @ModelAttribute("campaignForm") CampaignForm typed,
            BindingResult binding,
            ServerWebExchange exchange,
            Model model) {
        CampaignForm form = typed.withoutEmptyRows();
        return sessions.required(exchange).flatMap(organiser -> {
            Map<String, String> errors = errorsOf(form, binding);
            if (!errors.isEmpty()) {
                return Mono.just(refusedForm(exchange, null, form, errors, model));
            }
            return campaigns
                    .create(organiser.authorization(), form.toCreation(zone))
                    .map(created -> "redirect:/organiser/campaigns/" + created.id() + "?done=created")
                    .onErrorResume(PlatformRefusal.class, refusal -> {
                        model.addAttribute("refusal", refusal.detail());
                        return Mono.just(refusedForm(exchange, null, form, campaignErrors(refusal), model));
                    });
        });
    }

    @GetMapping("/organiser/campaigns/{id}/edit")
    Mono<String> editForm(@PathVariable String id, ServerWebExchange exchange, Model model) {
        return sessions.required(exchange)
                .flatMap(organiser -> ownCampaign(organiser, id))
                .map(campaign -> campaignForm(campaign, CampaignForm.of(campaign, zone), Map.of(), model));
    }

    @PostMapping("/organiser/campaigns/{id}/edit")
    Mono<String> edit(
            @PathVariable String id,
            @Valid @ModelAttribute("campaignForm") CampaignForm typed,
            BindingResult binding,
            ServerWebExchange exchange,
            Model model) {
        CampaignForm form = typed.withoutEmptyRows();
        return sessions.required(exchange)
                .flatMap(organiser -> ownCampaign(organiser, id).flatMap(campaign -> {
                    Map<String, String> errors = errorsOf(form, binding);
                    if (!errors.isEmpty()) {
                        return Mono.just(refusedForm(exchange, campaign, form, errors, model));
                    }
                    return campaigns
                            .revise(organiser.authorization(), id, form.toRevision(zone))
                            .map(revised -> "redirect:/organiser/campaigns/" + id + "?done=saved")
                            .onErrorResume(PlatformRefusal.class, refusal -> {
                                model.addAttribute("refusal", refusal.detail());
                                return Mono.just(refusedForm(exchange, campaign, form, campaignErrors(refusal), model));
                            });
                }));
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
                .flatMap(organiser -> campaigns.changeStatus(organiser.authorization(), id, action))
                .map(changed -> "redirect:/organiser/campaigns/" + id + "?done=" + action);
    }

    @PostMapping("/organiser/campaigns/{id}/news")
    Mono<String> postNews(
            @PathVariable String id,
            @Valid @ModelAttribute("newsForm") NewsForm form,
            BindingResult binding,
            ServerWebExchange exchange,
            Model model) {
        return sessions.required(exchange).flatMap(organiser -> {
            if (binding.hasErrors()) {
                return refusedAction(exchange, organiser, id, Map.of("news", "news.error.empty"), model);
            }
            return campaigns
                    .postNews(organiser.authorization(), id, form.toNews())
                    .map(posted -> "redirect:/organiser/campaigns/" + id + "?done=news")
                    .onErrorResume(
                            PlatformRefusal.class,
                            refusal -> refusedAction(
                                    exchange, organiser, id, Map.of("news", "news.error.refused"), model));
        });
    }

    @PostMapping("/organiser/campaigns/{id}/offline-gifts")
    Mono<String> recordOfflineGift(
            @PathVariable String id,
            @Valid @ModelAttribute("offline") OfflineGiftForm form,
            BindingResult binding,
            ServerWebExchange exchange,
            Model model) {
        return campaignForm(
                exchange,
                id,
                model,
                campaign -> {
                    Map<String, String> errors =
                            new LinkedHashMap<>(form.errors(campaign.goal().currency()));
                    FormInput.errors(binding, "offline.").forEach(errors::putIfAbsent);
                    return errors;
                },
                (organiser, campaign) -> donations.recordOfflineGift(
                        organiser.authorization(),
                        id,
                        form.toGift(campaign.goal().currency())),
                "offline",
                Map.of("offline.form", "offline.error.refused"));
    }

    @PostMapping("/organiser/campaigns/{id}/matches")
    Mono<String> addMatch(
            @PathVariable String id,
            @ModelAttribute("sponsorMatch") MatchForm form,
            ServerWebExchange exchange,
            Model model) {
        return campaignForm(
                exchange,
                id,
                model,
                campaign -> form.errors(campaign.goal().currency(), zone, clock.instant()),
                (organiser, campaign) -> campaigns.addMatch(
                        organiser.authorization(),
                        id,
                        form.toMatch(campaign.goal().currency(), zone)),
                "match",
                Map.of("match.form", "match.error.refused"));
    }

    /** The sponsor paid what their match owes: their offline gift settles the match (ADR 33). */
    @PostMapping("/organiser/campaigns/{id}/matches/{matchId}/paid")
    Mono<String> sponsorPaid(
            @PathVariable String id,
            @PathVariable String matchId,
            @ModelAttribute SponsorPaymentForm form,
            ServerWebExchange exchange,
            Model model) {
        Map<String, String> notOwed = Map.of("sponsorPaid.form", "sponsorPaid.error.notOwed");
        return campaignForm(
                exchange,
                id,
                model,
                campaign -> owedMatch(campaign, matchId).isEmpty()
                        ? notOwed
                        : form.errors(campaign.goal().currency()),
                (organiser, campaign) -> donations.recordOfflineGift(
                        organiser.authorization(),
                        id,
                        form.toGift(
                                owedMatch(campaign, matchId).orElseThrow(),
                                campaign.goal().currency())),
                "sponsorPaid",
                notOwed);
    }

    private static Optional<Match> owedMatch(Campaign campaign, String matchId) {
        return campaign.progress().allMatches().stream()
                .filter(match -> match.id().equals(matchId) && match.owed())
                .findFirst();
    }

    @PostMapping("/organiser/campaigns/{id}/polls")
    Mono<String> openPoll(
            @PathVariable String id, @ModelAttribute("poll") PollForm form, ServerWebExchange exchange, Model model) {
        return campaignForm(
                exchange,
                id,
                model,
                campaign -> form.errors(),
                (organiser, campaign) -> campaigns.openPoll(organiser.authorization(), id, form.toPoll()),
                "poll",
                Map.of("poll.form", "poll.error.refused"));
    }

    /**
     * A form of the campaign page that asks a service to act: checked first ({@code check}, message keys by
     * field), then done, and the page says so ({@code done}); refused by the service, the page shows the form
     * again with {@code whenRefused}.
     */
    private Mono<String> campaignForm(
            ServerWebExchange exchange,
            String id,
            Model model,
            Function<Campaign, Map<String, String>> check,
            BiFunction<Organiser, Campaign, Mono<?>> act,
            String done,
            Map<String, String> whenRefused) {
        return sessions.required(exchange)
                .flatMap(organiser -> ownCampaign(organiser, id).flatMap(campaign -> {
                    Map<String, String> errors = check.apply(campaign);
                    if (!errors.isEmpty()) {
                        return refusedAction(exchange, organiser, id, errors, model);
                    }
                    return act.apply(organiser, campaign)
                            .thenReturn("redirect:/organiser/campaigns/" + id + "?done=" + done)
                            .onErrorResume(
                                    PlatformRefusal.class,
                                    refusal -> refusedAction(exchange, organiser, id, whenRefused, model));
                }));
    }

    @PostMapping("/organiser/campaigns/{id}/polls/{pollId}/close")
    Mono<String> closePoll(@PathVariable String id, @PathVariable String pollId, ServerWebExchange exchange) {
        return oneClick(
                exchange, id, organiser -> campaigns.closePoll(organiser.authorization(), id, pollId), "pollClosed");
    }

    @PostMapping("/organiser/campaigns/{id}/donations/{donationId}/refund")
    Mono<String> refund(@PathVariable String id, @PathVariable String donationId, ServerWebExchange exchange) {
        return oneClick(exchange, id, organiser -> donations.refund(organiser.authorization(), donationId), "refunded");
    }

    @PostMapping("/organiser/campaigns/{id}/donations/{donationId}/hide-message")
    Mono<String> hideMessage(@PathVariable String id, @PathVariable String donationId, ServerWebExchange exchange) {
        return oneClick(
                exchange,
                id,
                organiser -> donations.hideMessage(organiser.authorization(), donationId),
                "messageHidden");
    }

    @PostMapping("/organiser/campaigns/{id}/donations/{donationId}/show-message")
    Mono<String> showMessage(@PathVariable String id, @PathVariable String donationId, ServerWebExchange exchange) {
        return oneClick(
                exchange,
                id,
                organiser -> donations.showMessage(organiser.authorization(), donationId),
                "messageShown");
    }

    @PostMapping("/organiser/campaigns/{id}/fundraisers/{slug}/hide")
    Mono<String> hide(@PathVariable String id, @PathVariable String slug, ServerWebExchange exchange) {
        return oneClick(exchange, id, organiser -> fundraisers.hide(organiser.authorization(), slug), "hidden");
    }

    /** A button of the campaign page that acts at once: the signed-in organiser acts, then the page says it is done. */
    private Mono<String> oneClick(
            ServerWebExchange exchange, String campaignId, Function<Organiser, Mono<?>> action, String done) {
        return sessions.required(exchange)
                .flatMap(action)
                .thenReturn("redirect:/organiser/campaigns/" + campaignId + "?done=" + done);
    }

    /** The campaign's figures day by day, as donation-service writes them for French Excel. */
    @GetMapping("/organiser/campaigns/{id}/insights.csv")
    Mono<ResponseEntity<byte[]>> insightsCsv(@PathVariable String id, ServerWebExchange exchange) {
        return download(
                sessions.required(exchange).flatMap(organiser -> donations.insightsCsv(organiser.authorization(), id)),
                "indicateurs-" + id + ".csv");
    }

    /** The export as donation-service writes it, for French Excel (UTF-8 with BOM, {@code ;}). */
    @GetMapping("/organiser/campaigns/{id}/donations.csv")
    Mono<ResponseEntity<byte[]>> csv(@PathVariable String id, ServerWebExchange exchange) {
        return download(
                sessions.required(exchange).flatMap(organiser -> donations.donationsCsv(organiser.authorization(), id)),
                "dons-" + id + ".csv");
    }

    /** A CSV as donation-service wrote it, handed to the browser as a file to save. */
    private static Mono<ResponseEntity<byte[]>> download(Mono<byte[]> csv, String fileName) {
        return csv.defaultIfEmpty(new byte[0])
                .map(bytes -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                        .body(bytes));
    }

    private Mono<String> manage(Organiser organiser, String id, int page, @Nullable String status, Model model) {
        String statusFilter = status != null && DONATION_STATUSES.contains(status) ? status : null;
        return ownCampaign(organiser, id)
                .flatMap(campaign -> Mono.zip(
                                // donation-service hears of a campaign when it is published: a draft has no gifts.
                                // Editors and volunteers do not see the donors (donation-service refuses them).
                                campaign.draft() || !organiser.may("SEE_DONATIONS")
                                        ? Mono.just(new DonationsPage(List.of(), 0, DONATIONS_PER_PAGE, 0))
                                        : donations
                                                .donations(
                                                        organiser.authorization(),
                                                        id,
                                                        Math.max(page, 0),
                                                        DONATIONS_PER_PAGE,
                                                        statusFilter)
                                                // just published, donation-service may not have heard of it yet
                                                .onErrorResume(
                                                        PlatformRefusal.class,
                                                        e -> Mono.just(new DonationsPage(
                                                                List.of(), 0, DONATIONS_PER_PAGE, 0))),
                                campaigns.news(id, organiser.authorization()),
                                fundraisers
                                        .leaderboard(id)
                                        .map(Optional::of)
                                        .onErrorResume(PlatformUnavailable.class, e -> Mono.just(Optional.empty())),
                                donations.paymentAccount(organiser.authorization()),
                                // an offline gift may ask for a tax receipt when the organisation issues them
                                campaign.draft()
                                        ? Mono.just(false)
                                        : donations
                                                .receiptPolicy(id, List.of())
                                                .map(ReceiptPolicy::issuesReceipts)
                                                .onErrorReturn(false),
                                // the figures are the donors' gifts: for whoever may see the donations
                                campaign.draft() || !organiser.may("SEE_DONATIONS")
                                        ? Mono.just(Optional.<Insights>empty())
                                        : donations
                                                .insights(organiser.authorization(), id)
                                                .map(Optional::of)
                                                // just published, donation-service may not have heard of it yet
                                                .onErrorResume(
                                                        e -> e instanceof PlatformUnavailable
                                                                || e instanceof PlatformRefusal,
                                                        e -> Mono.just(Optional.empty())))
                        .map(parts -> {
                            model.addAttribute("campaign", campaign);
                            model.addAttribute("donations", parts.getT1());
                            model.addAttribute("news", parts.getT2());
                            parts.getT3().ifPresent(pages -> model.addAttribute("fundraisers", pages));
                            model.addAttribute("paymentAccount", parts.getT4());
                            model.addAttribute("statusFilter", statusFilter);
                            model.addAttribute("issuesReceipts", parts.getT5());
                            parts.getT6().ifPresent(insights -> {
                                PageFormat fmt = (PageFormat) model.getAttribute("fmt");
                                model.addAttribute("insights", insights);
                                model.addAttribute(
                                        "insightsChart",
                                        InsightsChart.svg(
                                                insights,
                                                campaign.goal(),
                                                fmt,
                                                messages.getMessage("insights.chart", null, fmt.locale()),
                                                messages.getMessage("insights.goal", null, fmt.locale())));
                            });
                            if (!model.containsAttribute("offline")) {
                                model.addAttribute("offline", OfflineGiftForm.blank());
                            }
                            if (!model.containsAttribute("sponsorMatch")) {
                                model.addAttribute("sponsorMatch", MatchForm.blank());
                            }
                            if (!model.containsAttribute("poll")) {
                                model.addAttribute("poll", PollForm.blank());
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
        return campaigns
                .campaignsOf(organiser.authorization())
                .flatMap(mine -> mine.stream()
                        .filter(c -> c.id().equals(id))
                        .findFirst()
                        .map(Mono::just)
                        .orElseGet(() -> Mono.error(new PageNotFound())));
    }

    /** Bean Validation's refusals, then what needs the currency and today's date. */
    private Map<String, String> errorsOf(CampaignForm form, BindingResult binding) {
        Map<String, String> errors = new LinkedHashMap<>(FormInput.errors(binding));
        errors.putAll(form.errors(today()));
        return errors;
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
        Map<String, String> shown = new LinkedHashMap<>(errors);
        shown.putIfAbsent("form", "campaignForm.error.refused");
        exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
        return campaignForm(campaign, form.withEmptyRows(), shown, model);
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
