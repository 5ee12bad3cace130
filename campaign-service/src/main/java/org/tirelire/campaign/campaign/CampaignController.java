package org.tirelire.campaign.campaign;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.tirelire.contracts.access.Capability;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.security.Organiser;
import org.tirelire.kit.web.MoneyInput;

@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private static final int MAX_PAGE_SIZE = 100;
    static final Set<String> SUPPORTED_CURRENCIES = Set.of("EUR", "CHF", "GBP", "USD", "CAD");

    private final CampaignRepository campaigns;
    private final CampaignStore store;
    private final CampaignLookup lookup;
    private final SlugGenerator slugs;
    private final Clock clock;

    CampaignController(
            CampaignRepository campaigns,
            CampaignStore store,
            CampaignLookup lookup,
            SlugGenerator slugs,
            Clock clock) {
        this.campaigns = campaigns;
        this.lookup = lookup;
        this.store = store;
        this.slugs = slugs;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CampaignView create(@AuthenticationPrincipal Jwt token, @Valid @RequestBody CreateCampaignRequest request) {
        Organiser organiser = Organiser.from(token).permittedTo(Capability.MANAGE_CAMPAIGNS);
        Money goal = request.goal().toMoney();
        if (!SUPPORTED_CURRENCIES.contains(goal.currency())) {
            throw new UnsupportedCurrency(goal.currency(), SUPPORTED_CURRENCIES);
        }
        List<StretchGoal> stretchGoals = Optional.ofNullable(request.stretchGoals()).orElse(List.of()).stream()
                .map(s -> new StretchGoal(inCurrency(s.amount(), goal, "stretchGoals"), s.label()))
                .toList();
        List<Reward> rewards = Optional.ofNullable(request.rewards()).orElse(List.of()).stream()
                .map(r -> new Reward(
                        UUID.randomUUID().toString(),
                        r.title(),
                        r.description(),
                        inCurrency(r.minAmount(), goal, "rewards"),
                        r.limit()))
                .toList();
        Campaign campaign = Campaign.draft(
                organiser.organisationId(),
                organiser.organisationName(),
                organiser.email().isBlank() ? null : organiser.email(),
                slugs.uniqueSlugFor(request.title()),
                request.title(),
                request.summary(),
                request.story(),
                request.coverImageUrl() == null || request.coverImageUrl().isBlank() ? null : request.coverImageUrl(),
                goal,
                request.endsAt(),
                request.fundingModel() == null ? FundingModel.KEEP_IT_ALL : request.fundingModel(),
                stretchGoals,
                rewards,
                clock.instant());
        return CampaignView.of(store.create(campaign), clock.instant());
    }

    /**
     * Public: the campaigns of a status, LIVE by default. With {@code mine=true} and a token: every
     * campaign of the organiser's own organisation, whatever its status, newest first (their dashboard).
     */
    @GetMapping
    List<CampaignView> list(
            @RequestParam(defaultValue = "LIVE") CampaignStatus status,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal @Nullable Jwt token) {
        PageRequest page = PageRequest.of(0, Math.min(Math.max(size, 1), MAX_PAGE_SIZE));
        if (mine) {
            if (token == null) {
                throw new ResponseStatusException(
                        HttpStatus.UNAUTHORIZED, "Log in: mine=true lists your own organisation's campaigns");
            }
            return campaigns
                    .findByOrganisationIdOrderByCreatedAtDesc(
                            Organiser.from(token)
                                    .permittedTo(Capability.SEE_CAMPAIGNS)
                                    .organisationId(),
                            page)
                    .stream()
                    .map(c -> CampaignView.of(c, clock.instant()))
                    .toList();
        }
        List<Campaign> found = status == CampaignStatus.DRAFT && token != null
                ? campaigns
                        .findByOrganisationIdOrderByCreatedAtDesc(
                                Organiser.from(token)
                                        .permittedTo(Capability.SEE_CAMPAIGNS)
                                        .organisationId(),
                                page)
                        .stream()
                        .filter(c -> c.status() == CampaignStatus.DRAFT)
                        .toList()
                : campaigns.findByStatusOrderByPublishedAtDesc(status, page).stream()
                        .filter(Campaign::isPublic)
                        .toList();
        return found.stream().map(c -> CampaignView.of(c, clock.instant())).toList();
    }

    @GetMapping("/{idOrSlug}")
    CampaignView get(@PathVariable String idOrSlug, @AuthenticationPrincipal @Nullable Jwt token) {
        return CampaignView.of(lookup.findVisible(idOrSlug, token), clock.instant());
    }

    @PostMapping("/{id}/publish")
    CampaignView publish(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        String organisationId =
                Organiser.from(token).permittedTo(Capability.MANAGE_CAMPAIGNS).organisationId();
        Campaign published = store.update(id, campaign -> {
            campaign.requireOwnedBy(organisationId);
            campaign.publish(clock.instant());
            return campaign;
        });
        return CampaignView.of(published, clock.instant());
    }

    @PatchMapping("/{id}")
    CampaignView revise(
            @PathVariable String id,
            @AuthenticationPrincipal Jwt token,
            @Valid @RequestBody CampaignRevision.Request request) {
        String organisationId =
                Organiser.from(token).permittedTo(Capability.MANAGE_CAMPAIGNS).organisationId();
        CampaignRevision revision = request.toRevision();
        if (revision.goal() != null
                && !SUPPORTED_CURRENCIES.contains(revision.goal().currency())) {
            throw new UnsupportedCurrency(revision.goal().currency(), SUPPORTED_CURRENCIES);
        }
        Campaign revised = store.update(id, campaign -> {
            campaign.requireOwnedBy(organisationId);
            campaign.revise(revision, clock.instant());
            return campaign;
        });
        return CampaignView.of(revised, clock.instant());
    }

    @PostMapping("/{id}/cancel")
    CampaignView cancel(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        String organisationId =
                Organiser.from(token).permittedTo(Capability.MANAGE_CAMPAIGNS).organisationId();
        Campaign cancelled = store.update(id, campaign -> {
            campaign.requireOwnedBy(organisationId);
            campaign.cancel(clock.instant());
            return campaign;
        });
        return CampaignView.of(cancelled, clock.instant());
    }

    @PostMapping("/{id}/close")
    CampaignView close(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        String organisationId =
                Organiser.from(token).permittedTo(Capability.MANAGE_CAMPAIGNS).organisationId();
        Campaign closed = store.update(id, campaign -> {
            campaign.requireOwnedBy(organisationId);
            campaign.close(clock.instant());
            return campaign;
        });
        return CampaignView.of(closed, clock.instant());
    }

    private static Money inCurrency(MoneyInput input, Money goal, String field) {
        Money money = input.toMoney();
        if (!money.currency().equals(goal.currency())) {
            throw new CurrencyMismatch(field, goal.currency(), money.currency());
        }
        return money;
    }
}
