package org.tirelire.web.campaign;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import org.tirelire.web.page.QrCodes;
import org.tirelire.web.page.Referral;
import org.tirelire.web.platform.CampaignApi;
import org.tirelire.web.platform.DonationApi;
import org.tirelire.web.platform.FundraiserApi;
import org.tirelire.web.platform.PlatformUnavailable;
import org.tirelire.web.session.OrganiserSession;
import reactor.core.publisher.Mono;

/**
 * The pages anyone may open: the list of live campaigns, a campaign's page and its live overlay for
 * streams. A campaign page still shows when collection pages or supporters cannot be read: those
 * parts say they are unavailable, the thermometer and the give button stay.
 */
@Controller
class PublicPages {

    private final CampaignApi campaigns;
    private final DonationApi donations;
    private final FundraiserApi fundraisers;
    private final OrganiserSession sessions;
    private final String publicBaseUrl;

    PublicPages(
            CampaignApi campaigns,
            DonationApi donations,
            FundraiserApi fundraisers,
            OrganiserSession sessions,
            @Value("${tirelire.pages.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
        this.campaigns = campaigns;
        this.donations = donations;
        this.fundraisers = fundraisers;
        this.sessions = sessions;
    }

    @GetMapping("/")
    Mono<String> home(Model model) {
        return campaigns.liveCampaigns().map(live -> {
            model.addAttribute("campaigns", live);
            return "home";
        });
    }

    /** What is kept about donors and supporters, for how long, and who to ask: linked from every page's footer. */
    @GetMapping("/privacy")
    String privacy() {
        return "privacy";
    }

    /** The query may say where the visitor came from ({@link Referral}): the giving form's links carry it on. */
    @GetMapping("/campaigns/{slug}")
    Mono<String> campaign(@PathVariable String slug, ServerWebExchange exchange, Model model) {
        // The organiser may preview their own draft: their session token lets campaign-service show it.
        return sessions.current(exchange)
                .map(organiser -> Optional.of(organiser.authorization()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(authorization -> campaigns
                        .campaign(slug, authorization.orElse(null))
                        .flatMap(campaign -> Mono.zip(
                                        orNothing(donations.supporters(campaign.id())),
                                        orNothing(fundraisers.leaderboard(campaign.id())),
                                        orNothing(fundraisers.teams(campaign.id())),
                                        orNothing(campaigns.news(campaign.id(), authorization.orElse(null))))
                                .map(parts -> {
                                    model.addAttribute("campaign", campaign);
                                    parts.getT1().ifPresent(part -> model.addAttribute("supporters", part));
                                    parts.getT2().ifPresent(part -> model.addAttribute("fundraisers", part));
                                    parts.getT3().ifPresent(part -> model.addAttribute("teams", part));
                                    parts.getT4().ifPresent(part -> model.addAttribute("news", part));
                                    model.addAttribute(
                                            "referral",
                                            Referral.of(exchange.getRequest().getQueryParams()));
                                    // Where a CMS finds the widget to embed for this page's address (oEmbed).
                                    model.addAttribute(
                                            "oembedUrl",
                                            UriComponentsBuilder.fromPath("/oembed")
                                                    .queryParam("url", publicBaseUrl + "/campaigns/" + campaign.slug())
                                                    .encode()
                                                    .toUriString());
                                    return "campaign";
                                })));
    }

    /**
     * The stream's overlay, with a QR code viewers scan to give from their phone: its link is tagged, so
     * that the insights count what the stream brought ({@code stream / overlay}).
     */
    @GetMapping("/campaigns/{slug}/overlay")
    Mono<String> overlay(@PathVariable String slug, Model model) {
        return campaigns.campaign(slug, null).map(campaign -> {
            String giving = publicBaseUrl + "/campaigns/" + campaign.slug() + "/give";
            model.addAttribute("campaign", campaign);
            model.addAttribute(
                    "givingQr", QrCodes.svg(giving + "?utm_source=stream&utm_medium=overlay", 176, campaign.title()));
            return "overlay";
        });
    }

    /** A part of the page that cannot be read is left out of the model (shown as unavailable), not shown empty. */
    private static <T> Mono<Optional<List<T>>> orNothing(Mono<List<T>> part) {
        return part.map(Optional::of).onErrorResume(PlatformUnavailable.class, e -> Mono.just(Optional.empty()));
    }
}
