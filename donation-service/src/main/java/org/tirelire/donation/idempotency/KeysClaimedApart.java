package org.tirelire.donation.idempotency;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys claimed in a collection of their own, before the gift, as Tirelire did until gifts kept
 * their key (ADR 45). While that collection holds any (a platform just upgraded, or an instance of the
 * earlier version still running beside this one during a rolling upgrade), each gift asks it too, so that a
 * request sent again is never taken for a new gift. A pass every minute moves each claim onto its gift and
 * removes it; once a pass finds none, gifts stop asking.
 */
@Component
public class KeysClaimedApart {

    private static final Logger log = LoggerFactory.getLogger(KeysClaimedApart.class);
    private static final int PASS = 1_000;
    /** A claim whose gift is still not recorded after this was left by a request that stopped half-way. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);
    /** Where gifts are kept; their fields are named below as Donation stores them. */
    private static final String GIFTS = "donations";

    private final IdempotencyRecords claims;
    private final MongoTemplate mongo;
    private final Clock clock;
    private volatile boolean mayHoldClaims = true;

    public KeysClaimedApart(IdempotencyRecords claims, MongoTemplate mongo, Clock clock) {
        this.claims = claims;
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * The id of the gift an earlier request claimed this key for, if the collection may still hold claims.
     *
     * @throws IdempotencyKeyReused when the key was claimed with another body
     */
    public Optional<String> giftIdClaimedFor(String key, String fingerprint) {
        if (!mayHoldClaims) {
            return Optional.empty();
        }
        return claims.findById(key).map(claim -> {
            IdempotencyKeys.requireSameRequest(key, claim.requestFingerprint(), fingerprint);
            return claim.donationId();
        });
    }

    /** Moves the claims onto their gifts; says whether any was left, for gifts to go on asking or not. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${tirelire.donations.keys-claimed-apart-pass:60s}")
    public void moveOntoGifts() {
        List<IdempotencyRecord> found = claims.findAll(PageRequest.of(0, PASS)).getContent();
        int moved = 0;
        for (IdempotencyRecord claim : found) {
            if (moveOntoGift(claim)) {
                moved++;
            }
        }
        if (!found.isEmpty()) {
            log.info("Moved {} of {} idempotency keys claimed apart onto their gifts", moved, found.size());
        }
        mayHoldClaims = !found.isEmpty();
    }

    /** @return whether the claim is now kept by its gift, or was abandoned, and so removed */
    private boolean moveOntoGift(IdempotencyRecord claim) {
        try {
            // A copy read before this move can no longer be saved over it: the version goes up.
            boolean moved = mongo.updateFirst(
                                    query(where("_id")
                                            .is(claim.donationId())
                                            .and("idempotencyKey")
                                            .exists(false)
                                            .and("donorErasedAt")
                                            .exists(false)),
                                    new Update()
                                            .set("idempotencyKey", claim.key())
                                            .set("requestFingerprint", claim.requestFingerprint())
                                            .inc("version", 1),
                                    GIFTS)
                            .getMatchedCount()
                    > 0;
            if (!moved) {
                // An erased donor's gift keeps no fingerprint, made from their name and address: the key alone.
                mongo.updateFirst(
                        query(where("_id")
                                .is(claim.donationId())
                                .and("idempotencyKey")
                                .exists(false)),
                        new Update().set("idempotencyKey", claim.key()).inc("version", 1),
                        GIFTS);
            }
        } catch (DuplicateKeyException keptByAnotherGift) {
            log.warn("Idempotency key {} is kept by another gift than {}", claim.key(), claim.donationId());
        }
        boolean recorded = mongo.exists(query(where("_id").is(claim.donationId())), GIFTS);
        // A claim whose gift is not recorded yet may be one an instance of the earlier version is recording now.
        if (recorded || claim.createdAt().isBefore(clock.instant().minus(ABANDONED_AFTER))) {
            claims.delete(claim);
            return true;
        }
        return false;
    }
}
