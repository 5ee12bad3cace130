package org.tirelire.notification.campaign;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What notification-service needs to know of a campaign, kept from campaign events. */
@Document("campaigns")
public record CampaignSummary(
        @Id String campaignId,
        String organisationId,
        String title,
        String slug,
        String currency,
        boolean live,
        @Nullable String organiserEmail,
        @Nullable String organisationName) {

    public CampaignSummary retitled(String newTitle) {
        return new CampaignSummary(
                campaignId, organisationId, newTitle, slug, currency, live, organiserEmail, organisationName);
    }

    public CampaignSummary closed() {
        return new CampaignSummary(
                campaignId, organisationId, title, slug, currency, false, organiserEmail, organisationName);
    }
}
