package org.tirelire.donation.campaign;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tirelire.contracts.events.CampaignClosed;
import org.tirelire.contracts.events.CampaignUpdated;
import org.tirelire.contracts.ids.GeneralFund;
import org.tirelire.contracts.money.Money;

/**
 * What donation-service knows of a campaign, kept from campaign events, so that gifts are accepted or
 * refused without calling campaign-service: donors can still give while it is down.
 *
 * @param openPoll the poll a gift may vote in now, if one is open
 * @param endedAs how the campaign ended ({@link CampaignClosed}'s outcome); null while it runs, and in
 *     snapshots closed before it was kept
 */
@Document("campaign_snapshots")
public record CampaignSnapshot(
        @Id String campaignId,
        String organisationId,
        String title,
        String currency,
        boolean live,
        List<RewardSnapshot> rewards,
        CampaignUpdated.@Nullable OpenPoll openPoll,
        @Nullable String endedAs) {

    /** A campaign with no poll open, that has not ended. */
    public CampaignSnapshot(
            String campaignId,
            String organisationId,
            String title,
            String currency,
            boolean live,
            List<RewardSnapshot> rewards) {
        this(campaignId, organisationId, title, currency, live, rewards, null, null);
    }

    public record RewardSnapshot(
            String rewardId,
            String title,
            Money minAmount,
            @Nullable Integer limit) {}

    public Optional<RewardSnapshot> reward(String rewardId) {
        return rewards.stream().filter(r -> r.rewardId().equals(rewardId)).findFirst();
    }

    /** Whether a gift may vote for this option now: it is one of the open poll's. */
    public boolean takesVotesFor(String pollOption) {
        return openPoll != null
                && openPoll.options().stream()
                        .anyMatch(option -> option.optionId().equals(pollOption));
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
                        .toList(),
                updated.openPoll(),
                endedAs);
    }

    /**
     * An organisation's general fund, as the gifts made to it see it: in euros, never live (no donor gives
     * to it from a page; recurring gifts whose campaign ended, and an organiser's offline gifts, do).
     */
    public static CampaignSnapshot generalFundOf(String organisationId) {
        return new CampaignSnapshot(
                GeneralFund.of(organisationId), organisationId, "Fonds général", "EUR", false, List.of());
    }

    /** The same campaign once it ended as {@code outcome}: it takes no more gifts. */
    public CampaignSnapshot closed(@Nullable String outcome) {
        return new CampaignSnapshot(campaignId, organisationId, title, currency, false, rewards, null, outcome);
    }

    /** Whether the campaign ended giving its gifts back, so that a gift confirmed after that is given back too. */
    public boolean givesGiftsBack() {
        return CampaignClosed.requiresRefunds(endedAs);
    }
}
