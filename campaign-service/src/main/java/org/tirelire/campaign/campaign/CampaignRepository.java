package org.tirelire.campaign.campaign;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface CampaignRepository extends MongoRepository<Campaign, String> {

    Optional<Campaign> findBySlug(String slug);

    boolean existsBySlug(String slug);

    List<Campaign> findByStatusAndEndsAtLessThanEqual(CampaignStatus status, java.time.Instant deadline, Pageable page);

    List<Campaign> findByStatusOrderByPublishedAtDesc(CampaignStatus status, Pageable page);

    List<Campaign> findByOrganisationIdOrderByCreatedAtDesc(String organisationId, Pageable page);

    default Optional<Campaign> findByIdOrSlug(String idOrSlug) {
        return findById(idOrSlug).or(() -> findBySlug(idOrSlug));
    }
}
