package org.tirelire.notification.fundraiser;

import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tirelire.contracts.access.Capability;
import org.tirelire.contracts.money.Money;
import org.tirelire.kit.messaging.AggregateUpdates;
import org.tirelire.kit.messaging.RecentlyPublished;
import org.tirelire.kit.security.Organiser;
import org.tirelire.kit.web.MoneyInput;
import org.tirelire.kit.web.Slugs;
import org.tirelire.notification.campaign.CampaignSummaries;
import org.tirelire.notification.campaign.CampaignSummary;
import org.tirelire.notification.email.EmailProperties;

/** Peer-to-peer collection pages: opened by supporters without an account, edited with the token they got. */
@RestController
class FundraiserController {

    static final String EDIT_TOKEN_HEADER = "Fundraiser-Edit-Token";
    private static final int LEADERBOARD_SIZE = 50;
    /** More pages under one campaign than any association opens; a bound all the same. */
    private static final int MAX_TEAM_PAGES = 10_000;

    private static final java.time.Duration PUBLICATION_GRACE = java.time.Duration.ofSeconds(3);

    private final FundraiserPages pages;
    private final CampaignSummaries campaigns;
    private final AggregateUpdates updates;
    private final EmailProperties properties;
    private final SupporterEmails supporterEmails;
    private final Clock clock;

    FundraiserController(
            FundraiserPages pages,
            CampaignSummaries campaigns,
            AggregateUpdates updates,
            EmailProperties properties,
            SupporterEmails supporterEmails,
            Clock clock) {
        this.supporterEmails = supporterEmails;
        this.pages = pages;
        this.campaigns = campaigns;
        this.updates = updates;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/api/campaigns/{campaignId}/fundraisers")
    @ResponseStatus(HttpStatus.CREATED)
    FundraiserView open(@PathVariable String campaignId, @Valid @RequestBody CreateFundraiserRequest request) {
        // A campaign published a moment ago may not have reached us yet: look again for a short while.
        CampaignSummary campaign = RecentlyPublished.find(() -> campaigns.findById(campaignId), PUBLICATION_GRACE)
                .orElseThrow(() -> new CampaignNotOpen(campaignId, false));
        if (!campaign.live()) {
            throw new CampaignNotOpen(campaignId, true);
        }
        EditToken editToken = EditToken.generate();
        FundraiserPage page = FundraiserPage.open(
                Slugs.unique(request.supporter().name() + " " + request.title(), "page", pages::existsById),
                campaign.campaignId(),
                campaign.currency(),
                request.supporter().name().strip(),
                request.supporter().email().strip(),
                request.locale() == null ? "fr" : request.locale(),
                request.title().strip(),
                blankToNull(request.message()),
                inCurrency(request.goal(), campaign.currency()),
                blankToNull(request.team()),
                editToken,
                clock.instant());
        FundraiserPage opened = updates.insert(pages, page);
        supporterEmails.pageOpened(
                opened,
                campaign,
                properties.publicBaseUrl() + "/fundraisers/" + opened.slug() + "/edit?token=" + editToken.value());
        return view(opened).withEditToken(editToken.value());
    }

    @GetMapping("/api/fundraisers/{slug}")
    FundraiserView get(@PathVariable String slug) {
        return view(visible(slug));
    }

    @GetMapping("/api/campaigns/{campaignId}/fundraisers")
    List<FundraiserView> leaderboard(@PathVariable String campaignId) {
        return pages
                .findByCampaignIdAndStatusNot(
                        campaignId,
                        PageStatus.HIDDEN,
                        PageRequest.of(
                                0,
                                LEADERBOARD_SIZE,
                                Sort.by(Sort.Order.desc("raised.amount"), Sort.Order.asc("createdAt"))))
                .stream()
                .map(this::view)
                .toList();
    }

    /** Teams: several pages under one team name, with the sum of their exact totals, highest first. */
    @GetMapping("/api/campaigns/{campaignId}/teams")
    List<Team> teams(@PathVariable String campaignId) {
        return Team.standings(
                pages.findByCampaignIdAndStatusNot(campaignId, PageStatus.HIDDEN, PageRequest.of(0, MAX_TEAM_PAGES)));
    }

    @PatchMapping("/api/fundraisers/{slug}")
    FundraiserView edit(
            @PathVariable String slug,
            @RequestHeader(EDIT_TOKEN_HEADER) String editToken,
            @Valid @RequestBody EditFundraiserRequest request) {
        FundraiserPage edited = updates.update(pages, slug, () -> new FundraiserPageNotFound(slug), page -> {
            page.edit(
                    editToken,
                    blankToNull(request.title()),
                    request.message(),
                    inCurrency(request.goal(), page.raised().currency()));
            return page;
        });
        return view(edited);
    }

    @PostMapping("/api/fundraisers/{slug}/close")
    FundraiserView close(@PathVariable String slug, @RequestHeader(EDIT_TOKEN_HEADER) String editToken) {
        return view(updates.update(pages, slug, () -> new FundraiserPageNotFound(slug), page -> {
            page.close(editToken);
            return page;
        }));
    }

    /** The campaign's organiser hides an abusive page; it disappears from every public view. */
    @PostMapping("/api/fundraisers/{slug}/hide")
    ResponseEntity<Void> hide(@PathVariable String slug, @AuthenticationPrincipal Jwt token) {
        String organisationId =
                Organiser.from(token).permittedTo(Capability.MODERATE_PAGES).organisationId();
        updates.update(pages, slug, () -> new FundraiserPageNotFound(slug), page -> {
            boolean ownsCampaign = campaigns
                    .findById(page.campaignId())
                    .map(c -> c.organisationId().equals(organisationId))
                    .orElse(false);
            if (!ownsCampaign) {
                throw new FundraiserPageNotFound(slug); // another organisation's page does not exist for them
            }
            page.hide();
            return page;
        });
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/fundraisers/{slug}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qrPng(@PathVariable String slug) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic())
                .body(QrCodes.png(pageUrl(visible(slug).slug())));
    }

    @GetMapping(path = "/api/fundraisers/{slug}/qr.svg", produces = "image/svg+xml")
    ResponseEntity<byte[]> qrSvg(@PathVariable String slug) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic())
                .body(QrCodes.svg(pageUrl(visible(slug).slug())).getBytes(StandardCharsets.UTF_8));
    }

    private FundraiserPage visible(String slug) {
        return pages.findById(slug)
                .filter(FundraiserPage::isVisible)
                .orElseThrow(() -> new FundraiserPageNotFound(slug));
    }

    private FundraiserView view(FundraiserPage page) {
        String base = properties.publicBaseUrl();
        return FundraiserView.of(
                page, ShareKit.of(pageUrl(page.slug()), base, page.slug(), page.title(), page.supporterName()));
    }

    private String pageUrl(String slug) {
        return properties.publicBaseUrl() + "/fundraisers/" + slug;
    }

    private static Money inCurrency(MoneyInput input, String currency) {
        if (input == null) {
            return null;
        }
        if (!input.currency().equals(currency)) {
            throw new GoalCurrencyMismatch(currency, input.currency());
        }
        return input.toMoney();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
