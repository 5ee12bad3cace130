package org.tirelire.donation.reward;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How many units of a limited reward are left. Claimed one at a time by a conditional decrement on
 * this one document, so two donors reaching for the last unit at the same moment cannot both get it.
 * {@code limit} is the organiser's limit the count was last set from; absent on stocks stored before
 * limits could change.
 */
@Document("reward_stock")
public record RewardStock(
        @Id String rewardId,
        String campaignId,
        int remaining,
        @Nullable Integer limit) {}
