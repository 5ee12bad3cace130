package org.tirelire.donation.donation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface DonationRepository extends MongoRepository<Donation, String> {

    /** The gift a request with this Idempotency-Key made, if any (ADR 45). */
    Optional<Donation> findByIdempotencyKey(String idempotencyKey);

    /** Every gift an address made to one organisation's campaigns, however the donor typed its case. */
    List<Donation> findByOrganisationIdAndDonorEmailIgnoreCase(String organisationId, String email);

    Page<Donation> findByCampaignIdOrderByCreatedAtDesc(String campaignId, Pageable page);

    List<Donation> findByCampaignIdAndStatus(String campaignId, DonationStatus status);

    /** Whether a sponsor's pledge was paid already: a confirmed gift settles it. */
    boolean existsByCampaignIdAndSponsorMatchAndStatus(String campaignId, String sponsorMatch, DonationStatus status);

    List<Donation> findByCampaignIdAndStatusOrderByConfirmedAtDesc(
            String campaignId, DonationStatus status, Pageable page);

    /** The charges of an organisation's recurring gifts in this status, paid between these instants. */
    List<Donation> findByOrganisationIdAndStatusAndSubscriptionIdNotNullAndConfirmedAtBetween(
            String organisationId, DonationStatus status, Instant from, Instant to);

    /** The gifts of a year whose donors asked for a tax receipt, for the annual receipts. */
    List<Donation> findByOrganisationIdAndStatusAndReceiptWantedTrueAndConfirmedAtBetween(
            String organisationId, DonationStatus status, Instant from, Instant to);

    /** Gifts in this status whose payment was started before this instant. */
    List<Donation> findByStatusAndPaymentReferenceNotNullAndCreatedAtBefore(DonationStatus status, Instant before);

    /** Gifts in this status, recorded before this instant, whose payment never started. */
    List<Donation> findByStatusAndPaymentReferenceIsNullAndCreatedAtBefore(DonationStatus status, Instant before);
}
