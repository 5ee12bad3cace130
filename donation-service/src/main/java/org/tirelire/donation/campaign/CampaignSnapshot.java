package org.tirelire.donation.campaign;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tirelire.contracts.events.CampaignUpdated;
import org.tirelire.contracts.ids.GeneralFund;
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

    /**
     * An organisation's general fund, as the gifts made to it see it: in euros, never live (no donor gives
     * to it from a page; recurring gifts whose campaign ended, and an organiser's offline gifts, do).
     */
    public static CampaignSnapshot generalFundOf(String organisationId) {
        return new CampaignSnapshot(
                GeneralFund.of(organisationId), organisationId, "Fonds général", "EUR", false, List.of());
    }

    public CampaignSnapshot closed() {
        return new CampaignSnapshot(campaignId, organisationId, title, currency, false, rewards);
    }
}
