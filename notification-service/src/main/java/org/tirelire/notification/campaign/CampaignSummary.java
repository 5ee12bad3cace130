package org.tirelire.notification.campaign;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tirelire.notification.email.OutgoingEmail;

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

    /**
     * Who the campaign's donors' emails come from: the association, replies to its organiser; the platform
     * when the association's name is not known (a campaign published before it was announced).
     */
    public OutgoingEmail.@Nullable Sender donorEmailSender() {
        return organisationName == null || organisationName.isBlank()
                ? null
                : new OutgoingEmail.Sender(organisationName, organiserEmail);
    }
}
