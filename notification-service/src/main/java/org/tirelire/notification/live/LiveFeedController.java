package org.tirelire.notification.live;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tirelire.notification.campaign.CampaignSummaries;
import org.tirelire.notification.fundraiser.CampaignNotOpen;

@RestController
class LiveFeedController {

    private final LiveFeed feed;
    private final CampaignSummaries campaigns;

    LiveFeedController(LiveFeed feed, CampaignSummaries campaigns) {
        this.feed = feed;
        this.campaigns = campaigns;
    }

    /** Server-Sent Events: {@code gift} and {@code milestone} events as they happen. */
    @GetMapping(path = "/api/campaigns/{campaignId}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@PathVariable String campaignId) {
        if (!campaigns.existsById(campaignId)) {
            throw new CampaignNotOpen(campaignId, false);
        }
        return feed.watch(campaignId);
    }
}
