package org.tirelire.notification.webhook;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface WebhookDeliveries extends MongoRepository<WebhookDelivery, String> {

    List<WebhookDelivery> findBySubscriptionIdOrderByCreatedAtDesc(String subscriptionId, Pageable page);
}
