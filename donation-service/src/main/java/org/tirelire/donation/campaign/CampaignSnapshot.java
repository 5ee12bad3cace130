package org.tirelire.donation.campaign;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tirelire.contracts.events.CampaignUpdated;
import org.tirelire.contracts.money.Money;

/**
 * What donation-service knows of a campaign, kept from campaign events, so that gifts are accepted or
 * refused without calling campaign-service: donors can still give while it is down.
 */
@Document("campaign_snapshots")
public record CampaignSnapshot(
        @Id String campaignId,
        String organisationId,
        String title,
        String currency,
        boolean live,
        List<RewardSnapshot> rewards) {

    public record RewardSnapshot(
            String rewardId,
            String title,
            Money minAmount,
            @Nullable Integer limit) {}

    public Optional<RewardSnapshot> reward(String rewardId) {
        return rewards.stream().filter(r -> r.rewardId().equals(rewardId)).findFirst();
    }

    /** The same campaign after its organiser changed it while live; its currency never changes then. */
    public CampaignSnapshot updatedTo(CampaignUpdated updated) {
        return new CampaignSnapshot(
                campaignId,
                organisationId,
                updated.title(),
                currency,
                live,
                updated.rewards().stream()
                        .map(r -> new RewardSnapshot(r.rewardId(), r.title(), r.minAmount(), r.limit()))
                        .toList());
    }

    public CampaignSnapshot closed() {
        return new CampaignSnapshot(campaignId, organisationId, title, currency, false, rewards);
    }
}
