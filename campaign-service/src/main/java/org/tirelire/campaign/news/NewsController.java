package org.tirelire.campaign.news;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tirelire.campaign.campaign.Campaign;
import org.tirelire.campaign.campaign.CampaignLookup;
import org.tirelire.campaign.campaign.CampaignStatus;
import org.tirelire.campaign.campaign.IllegalCampaignTransition;
import org.tirelire.contracts.access.Capability;
import org.tirelire.kit.messaging.AggregateUpdates;
import org.tirelire.kit.security.Organiser;

/** Campaign news: posted by the organiser, read by anyone, emailed by notification-service to consenting donors. */
@RestController
@RequestMapping("/api/campaigns/{campaignId}/news")
class NewsController {

    private final CampaignLookup campaigns;
    private final NewsRepository news;
    private final AggregateUpdates updates;
    private final Clock clock;

    NewsController(CampaignLookup campaigns, NewsRepository news, AggregateUpdates updates, Clock clock) {
        this.campaigns = campaigns;
        this.news = news;
        this.updates = updates;
        this.clock = clock;
    }

    record PostNews(
            @NotBlank @Size(max = 150) String title,
            @NotBlank @Size(max = 10_000) String body) {}

    record NewsView(String id, String campaignId, String title, String body, Instant publishedAt) {

        static NewsView of(News news) {
            return new NewsView(news.id(), news.campaignId(), news.title(), news.body(), news.publishedAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    NewsView post(
            @PathVariable String campaignId, @AuthenticationPrincipal Jwt token, @Valid @RequestBody PostNews request) {
        Organiser organiser = Organiser.from(token).permittedTo(Capability.MANAGE_CAMPAIGNS);
        Campaign campaign = campaigns.findVisible(campaignId, token);
        campaign.requireOwnedBy(organiser.organisationId());
        if (campaign.status() == CampaignStatus.DRAFT || campaign.status() == CampaignStatus.CANCELLED) {
            // Nobody follows a draft yet, and a cancelled campaign has no more news to give.
            throw new IllegalCampaignTransition(campaign.id(), campaign.status(), CampaignStatus.LIVE);
        }
        News posted = News.publish(
                campaign.id(),
                organiser.organisationId(),
                request.title().strip(),
                request.body().strip(),
                clock.instant());
        return NewsView.of(updates.insert(news, posted));
    }

    @GetMapping
    List<NewsView> list(@PathVariable String campaignId, @AuthenticationPrincipal @Nullable Jwt token) {
        Campaign campaign = campaigns.findVisible(campaignId, token);
        return news.findByCampaignIdOrderByPublishedAtDesc(campaign.id()).stream()
                .map(NewsView::of)
                .toList();
    }
}
