package org.tirelire.campaign.progress;

import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tirelire.campaign.campaign.Campaign;
import org.tirelire.campaign.campaign.CampaignLookup;
import org.tirelire.campaign.campaign.ProgressView;

@RestController
@RequestMapping("/api/campaigns/{idOrSlug}/progress")
class ProgressController {

    private final CampaignLookup lookup;
    private final ProgressBroadcaster broadcaster;
    private final Clock clock;

    ProgressController(CampaignLookup lookup, ProgressBroadcaster broadcaster, Clock clock) {
        this.lookup = lookup;
        this.broadcaster = broadcaster;
        this.clock = clock;
    }

    @GetMapping
    ProgressView progress(@PathVariable String idOrSlug, @AuthenticationPrincipal @Nullable Jwt token) {
        return ProgressView.of(lookup.findVisible(idOrSlug, token), clock.instant());
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String idOrSlug, @AuthenticationPrincipal @Nullable Jwt token) {
        Campaign campaign = lookup.findVisible(idOrSlug, token);
        return broadcaster.watch(campaign.id(), ProgressView.of(campaign, clock.instant()));
    }
}
