package org.tirelire.donation.subscription;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.tirelire.donation.donation.Frequency;

interface SubscriptionRepository extends MongoRepository<Subscription, String> {

    List<Subscription> findByStatusAndNextChargeAtLessThanEqualOrderByNextChargeAtAsc(
            SubscriptionStatus status, Instant now, Pageable page);

    List<Subscription> findByStatusAndRetryAtLessThanEqualOrderByRetryAtAsc(
            SubscriptionStatus status, Instant now, Pageable page);

    List<Subscription> findByStatusAndPausedUntilLessThanEqual(SubscriptionStatus status, Instant now);

    List<Subscription> findByOrganisationIdOrderByStartedAtDesc(String organisationId);

    List<Subscription> findByCampaignIdAndStatusNot(String campaignId, SubscriptionStatus status);

    List<Subscription> findByDonorEmailIgnoreCaseAndStatusNot(String email, SubscriptionStatus status);

    /** Gifts of this frequency and status whose next charge falls between these instants. */
    List<Subscription> findByFrequencyAndStatusAndNextChargeAtBetween(
            Frequency frequency, SubscriptionStatus status, Instant from, Instant to);
}
