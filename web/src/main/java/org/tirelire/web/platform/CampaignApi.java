package org.tirelire.web.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.tirelire.web.platform.PlatformRequests.CampaignChanges;
import org.tirelire.web.platform.PlatformRequests.NewCampaign;
import org.tirelire.web.platform.PlatformRequests.NewsPost;
import org.tirelire.web.platform.PlatformViews.Campaign;
import org.tirelire.web.platform.PlatformViews.News;
import org.tirelire.web.platform.PlatformViews.Progress;
import reactor.core.publisher.Mono;

/**
 * campaign-service's public API, as the pages call it. {@code authorization} is an organiser's
 * {@code Bearer} token, which campaign-service checks itself; without one a call is a visitor's.
 */
@HttpExchange("/api/campaigns")
public interface CampaignApi {

    /** The campaigns donors see in this status. */
    @GetExchange
    Mono<List<Campaign>> campaignsIn(@RequestParam String status);

    /** With {@code mine}, every campaign of the organisation the token names, drafts included. */
    @GetExchange
    Mono<List<Campaign>> ownCampaigns(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestParam boolean mine);

    default Mono<List<Campaign>> liveCampaigns() {
        return campaignsIn("LIVE");
    }

    default Mono<List<Campaign>> campaignsOf(String authorization) {
        return ownCampaigns(authorization, true);
    }

    /** A draft shows only to its own organiser. */
    @GetExchange("/{idOrSlug}")
    Mono<Campaign> campaign(
            @PathVariable String idOrSlug,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization);

    @GetExchange("/{id}/progress")
    Mono<Progress> progress(@PathVariable String id);

    @PostExchange
    Mono<Campaign> create(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @RequestBody NewCampaign campaign);

    @PatchExchange("/{id}")
    Mono<Campaign> revise(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String id,
            @RequestBody CampaignChanges changes);

    @PostExchange("/{id}/matches")
    Mono<PlatformViews.Match> addMatch(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String id,
            @RequestBody PlatformRequests.NewMatch match);

    @PostExchange("/{id}/polls")
    Mono<PlatformViews.Poll> openPoll(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String id,
            @RequestBody PlatformRequests.NewPoll poll);

    @PostExchange("/{id}/polls/{pollId}/close")
    Mono<PlatformViews.Poll> closePoll(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String id,
            @PathVariable String pollId);

    /** {@code action}: {@code publish}, {@code close} or {@code cancel}. */
    @PostExchange("/{id}/{action}")
    Mono<Campaign> changeStatus(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String id,
            @PathVariable String action);

    /** A draft's news (there are none, but the call is the same) is visible to its organiser only. */
    @GetExchange("/{id}/news")
    Mono<List<News>> news(
            @PathVariable String id,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization);

    @PostExchange("/{id}/news")
    Mono<News> postNews(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
            @PathVariable String id,
            @RequestBody NewsPost news);
}
