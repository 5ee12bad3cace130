package org.tirelire.campaign.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.tirelire.contracts.money.Money;

/** The péniche campaign the unit tests start from: a draft of "Les Amis du Canal", ending 30 days on. */
final class TestCampaigns {

    private TestCampaigns() {}

    static Campaign peniche(Money goal, List<StretchGoal> stretchGoals, List<Reward> rewards, Instant createdAt) {
        return Campaign.draft(
                "org-1",
                "Les Amis du Canal",
                "tresorier@example.org",
                "peniche",
                "Péniche",
                "Rénover la péniche",
                null,
                null,
                goal,
                createdAt.plus(Duration.ofDays(30)),
                FundingModel.KEEP_IT_ALL,
                stretchGoals,
                rewards,
                createdAt);
    }
}
