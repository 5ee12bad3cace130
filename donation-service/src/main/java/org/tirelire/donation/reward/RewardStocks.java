package org.tirelire.donation.reward;

import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Claims and gives back units of limited rewards; unlimited rewards have no stock and always succeed. */
@Component
public class RewardStocks {

    private final MongoTemplate mongo;

    public RewardStocks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Sets up a reward's stock when its campaign is published; a redelivered event leaves the count as it is. */
    public void offer(String rewardId, String campaignId, @Nullable Integer limit) {
        if (limit == null) {
            return;
        }
        mongo.upsert(
                Query.query(Criteria.where("_id").is(rewardId)),
                new Update()
                        .setOnInsert("campaignId", campaignId)
                        .setOnInsert("remaining", limit)
                        .setOnInsert("limit", limit),
                RewardStock.class);
    }

    /**
     * Follows the organiser's change of a live reward's limit: the units left move by the difference,
     * so units already claimed stay claimed, and a limit lowered below them leaves the reward sold out.
     * A reward that is no longer limited loses its stock. Applying the same change twice moves nothing
     * more, because the stock remembers the limit it was last set from.
     */
    public void changeLimit(
            String rewardId, String campaignId, @Nullable Integer previousLimit, @Nullable Integer limit) {
        if (limit == null) {
            mongo.remove(Query.query(Criteria.where("_id").is(rewardId)), RewardStock.class);
        } else if (previousLimit == null) {
            offer(rewardId, campaignId, limit); // a new reward; campaign-service never limits a live unlimited one
        } else if (!limit.equals(previousLimit)) {
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(rewardId).and("limit").ne(limit)),
                    new Update().inc("remaining", limit - previousLimit).set("limit", limit),
                    RewardStock.class);
        }
    }

    /** @return false when the reward is sold out */
    public boolean claim(String rewardId) {
        if (!mongo.exists(Query.query(Criteria.where("_id").is(rewardId)), RewardStock.class)) {
            return true; // not limited
        }
        RewardStock claimed = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(rewardId).and("remaining").gt(0)),
                new Update().inc("remaining", -1),
                FindAndModifyOptions.options().returnNew(true),
                RewardStock.class);
        return claimed != null;
    }

    /** Gives a unit back, when the gift that claimed it failed or was refunded. */
    public void release(String rewardId) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(rewardId)), new Update().inc("remaining", 1), RewardStock.class);
    }

    public @Nullable Integer remaining(String rewardId) {
        RewardStock stock = mongo.findById(rewardId, RewardStock.class);
        return stock == null ? null : stock.remaining();
    }
}
