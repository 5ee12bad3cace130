package org.tirelire.notification.webhook;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface WebhookSubscriptions extends MongoRepository<WebhookSubscription, String> {

    List<WebhookSubscription> findByOrganisationIdOrderByCreatedAtAsc(String organisationId);
}
