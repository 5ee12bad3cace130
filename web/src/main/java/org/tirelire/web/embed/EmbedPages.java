package org.tirelire.web.embed;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import org.tirelire.identity.api.EmbedSites;
import org.tirelire.web.giving.SuggestedAmounts;
import org.tirelire.web.page.PagePolicy;
import org.tirelire.web.platform.CampaignApi;
import org.tirelire.web.platform.PlatformRefusal;
import reactor.core.publisher.Mono;

/**
 * Widgets for the association's own website: a campaign's progress and a "give" box, each a page small
 * enough for an {@code <iframe>}, framed only by the sites the organisation lists ({@link EmbedSites}, the
 * pages' {@code frame-ancestors}); and an oEmbed endpoint, so that a CMS embeds a campaign from its address.
 *
 * <p>The give box offers the amounts and opens the giving form in a tab of its own rather than inside the
 * frame: a payment form in another site's frame loses its session cookie in browsers that block third-party
 * cookies, and the donor deserves to see whose address they pay on. The whole giving form may be framed as
 * well (GivingPages' {@code /embed/campaigns/{slug}/form}): it goes on at Tirelire's address once sent.
 */
@Controller
class EmbedPages {

    /** A colour as {@code 0b5e5e} or {@code #0b5e5e}: the only thing of the query that reaches a style sheet. */
    private static final Pattern COLOUR = Pattern.compile("#?([0-9a-fA-F]{6})");

    static final int WIDTH = 420;
    static final int PROGRESS_HEIGHT = 220;

    private final CampaignApi campaigns;
    private final EmbedSites sites;
    private final String publicBaseUrl;

    EmbedPages(
            CampaignApi campaigns,
            EmbedSites sites,
            @Value("${tirelire.pages.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.campaigns = campaigns;
        this.sites = sites;
        this.publicBaseUrl = publicBaseUrl;
    }

    @GetMapping("/embed/campaigns/{slug}/progress")
    Mono<String> progress(
            @PathVariable String slug,
            @RequestParam(required = false) @Nullable String color,
            ServerWebExchange exchange,
            Model model) {
        return widget(slug, color, exchange, model, "embed-progress");
    }

    @GetMapping("/embed/campaigns/{slug}/give")
    Mono<String> give(
            @PathVariable String slug,
            @RequestParam(required = false) @Nullable String color,
            ServerWebExchange exchange,
            Model model) {
        return widget(slug, color, exchange, model, "embed-give");
    }

    /** The widget's colour, as a style sheet of one rule (the pages' policy allows no inline style). */
    @GetMapping(value = "/embed/theme.css", produces = "text/css")
    ResponseEntity<String> theme(@RequestParam(required = false) @Nullable String color) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .body(colour(color).map(hex -> ":root{--brand:#" + hex + "}").orElse(""));
    }

    /**
     * oEmbed 1.0 ({@code https://oembed.com}): a campaign's address, as a CMS finds it pasted in a post, gives
     * the {@code <iframe>} of its progress widget.
     */
    @GetMapping(value = "/oembed", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Mono<ResponseEntity<Object>> oembed(
            @RequestParam String url,
            @RequestParam(defaultValue = "json") String format,
            @RequestParam(required = false) @Nullable Integer maxwidth) {
        if (!format.equals("json")) {
            return Mono.just(ResponseEntity.status(HttpStatus.NOT_IMPLEMENTED)
                    .body(problem(HttpStatus.NOT_IMPLEMENTED, "Only format=json is offered")));
        }
        Optional<String> slug = campaignSlug(url);
        if (slug.isEmpty()) {
            return Mono.just(ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(problem(HttpStatus.NOT_FOUND, "Not the address of a campaign of this platform: " + url)));
        }
        int width = maxwidth == null ? WIDTH : Math.max(200, Math.min(WIDTH, maxwidth));
        return campaigns
                .campaign(slug.get(), null)
                .map(campaign -> {
                    String src = publicBaseUrl + "/embed/campaigns/" + campaign.slug() + "/progress";
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("version", "1.0");
                    answer.put("type", "rich");
                    answer.put("provider_name", "Tirelire");
                    answer.put("provider_url", publicBaseUrl);
                    answer.put("title", campaign.title());
                    answer.put("author_name", campaign.organisationName());
                    answer.put("width", width);
                    answer.put("height", PROGRESS_HEIGHT);
                    answer.put("html", iframe(src, campaign.title(), width, PROGRESS_HEIGHT));
                    return ResponseEntity.ok((Object) answer);
                })
                .onErrorResume(
                        PlatformRefusal.class,
                        unknown -> Mono.just(ResponseEntity.status(HttpStatus.NOT_FOUND)
                                .body(problem(HttpStatus.NOT_FOUND, "No campaign at this address: " + url))));
    }

    private Mono<String> widget(
            String slug, @Nullable String color, ServerWebExchange exchange, Model model, String template) {
        return campaigns
                .campaign(slug, null)
                .flatMap(campaign -> sites.allowedFor(campaign.organisationId()).map(allowed -> {
                    // Browsers obey frame-ancestors over the gateway's X-Frame-Options: DENY (ADR 32).
                    exchange.getResponse().getHeaders().set("Content-Security-Policy", PagePolicy.framedBy(allowed));
                    model.addAttribute("campaign", campaign);
                    model.addAttribute("color", colour(color).orElse(null));
                    model.addAttribute("suggested", SuggestedAmounts.of(campaign));
                    return template;
                }));
    }

    static Optional<String> colour(@Nullable String color) {
        if (color == null) {
            return Optional.empty();
        }
        var matcher = COLOUR.matcher(color);
        return matcher.matches() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** The slug of a campaign page's address on this platform ({@code …/campaigns/{slug}}), if it is one. */
    Optional<String> campaignSlug(String url) {
        try {
            URI uri = URI.create(url);
            URI base = URI.create(publicBaseUrl);
            String path = uri.getPath() == null ? "" : uri.getPath();
            if (uri.getHost() == null
                    || !uri.getHost().equalsIgnoreCase(base.getHost())
                    || !path.startsWith("/campaigns/")) {
                return Optional.empty();
            }
            String slug = path.substring("/campaigns/".length());
            return slug.matches("[a-z0-9-]{1,120}") ? Optional.of(slug) : Optional.empty();
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    /** The HTML a CMS pastes: everything escaped that came from the organiser (the title). */
    static String iframe(String src, String title, int width, int height) {
        return "<iframe src=\"" + src + "\" width=\"" + width + "\" height=\"" + height + "\" title=\""
                + org.springframework.web.util.HtmlUtils.htmlEscape(title, "UTF-8")
                + "\" style=\"border:0\" loading=\"lazy\"></iframe>";
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
