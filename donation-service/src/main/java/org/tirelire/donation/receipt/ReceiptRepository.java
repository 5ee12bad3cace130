package org.tirelire.donation.receipt;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ReceiptRepository extends MongoRepository<Receipt, String> {

    Optional<Receipt> findFirstByOrganisationIdAndYearOrderBySequenceDesc(String organisationId, int year);

    Optional<Receipt> findByIssueKey(String issueKey);

    List<Receipt> findByOrganisationIdAndYearOrderBySequenceAsc(String organisationId, int year);

    List<Receipt> findByGiftsDonationId(String donationId);

    Optional<Receipt> findByOrganisationIdAndNumber(String organisationId, String number);
}
