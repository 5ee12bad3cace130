package org.tirelire.donation.receipt;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ReceiptSettingsRepository extends MongoRepository<ReceiptSettings, String> {

    List<ReceiptSettings> findByModeAndEnabledTrue(ReceiptMode mode);
}
