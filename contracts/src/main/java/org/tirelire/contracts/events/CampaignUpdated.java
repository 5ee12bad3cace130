package org.tirelire.contracts.events;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tirelire.contracts.money.Money;

/**
 * The organiser changed a LIVE campaign. Carries the whole public picture after the change, not a
 * diff, so a consumer that missed an earlier update is right again after this one.
 *
 * @param rewards every reward now offered; a reward is never removed from a live campaign
 * @param openPoll the poll donors may vote in with their gifts now, if one is open; null when none is (and in
 *     events published before polls)
 */
public record CampaignUpdated(
        String campaignId,
        String organisationId,
        String title,
        Money goal,
        Instant endsAt,
        List<CampaignPublished.RewardOffered> rewards,
        Instant updatedAt,
        @Nullable OpenPoll openPoll)
        implements CampaignEvent {

    /** A change that leaves no poll open. */
    public CampaignUpdated(
            String campaignId,
            String organisationId,
            String title,
            Money goal,
            Instant endsAt,
            List<CampaignPublished.RewardOffered> rewards,
            Instant updatedAt) {
        this(campaignId, organisationId, title, goal, endsAt, rewards, updatedAt, null);
    }

    /** A poll open to donors' votes: its question and the options a gift may vote for, by id. */
    public record OpenPoll(String pollId, String question, List<PollOption> options) {}

    public record PollOption(String optionId, String label) {}

    @Override
    public void dispatchTo(CampaignEvent.Handler handler) {
        handler.on(this);
    }
}
