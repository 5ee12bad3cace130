package org.tirelire.web.platform;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PatchExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.tirelire.web.platform.PlatformRequests.FundraiserChanges;
import org.tirelire.web.platform.PlatformRequests.NewFundraiser;
import org.tirelire.web.platform.PlatformViews.Fundraiser;
import org.tirelire.web.platform.PlatformViews.Team;
import reactor.core.publisher.Mono;

/**
 * notification-service's collection pages, as the pages call them. A supporter proves a page is theirs
 * with the edit token of their private link, an organiser with their bearer token.
 */
@HttpExchange("/api")
public interface FundraiserApi {

    String EDIT_TOKEN = "Fundraiser-Edit-Token";

    @GetExchange("/campaigns/{id}/fundraisers")
    Mono<List<Fundraiser>> leaderboard(@PathVariable String id);

    @GetExchange("/campaigns/{id}/teams")
    Mono<List<Team>> teams(@PathVariable String id);

    @GetExchange("/fundraisers/{slug}")
    Mono<Fundraiser> fundraiser(@PathVariable String slug);

    @PostExchange("/campaigns/{id}/fundraisers")
    Mono<Fundraiser> open(@PathVariable String id, @RequestBody NewFundraiser page);

    @PatchExchange("/fundraisers/{slug}")
    Mono<Fundraiser> edit(
            @PathVariable String slug,
            @RequestHeader(EDIT_TOKEN) String editToken,
            @RequestBody FundraiserChanges changes);

    @PostExchange("/fundraisers/{slug}/close")
    Mono<Fundraiser> close(@PathVariable String slug, @RequestHeader(EDIT_TOKEN) String editToken);

    @PostExchange("/fundraisers/{slug}/hide")
    Mono<Void> hide(@RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, @PathVariable String slug);
}
