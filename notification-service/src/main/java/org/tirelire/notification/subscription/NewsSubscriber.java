package org.tirelire.notification.subscription;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A donor who agreed to hear a campaign's news. One document per campaign and address; consent given
 * again with a new gift subscribes again, an unsubscribe is kept as such.
 */
@Document("news_subscribers")
public record NewsSubscriber(
        @Id String id,
        @Indexed String campaignId,
        String email,
        String firstName,
        String locale,
        boolean subscribed,
        Instant updatedAt,
        @Nullable Instant unsubscribedAt) {

    public static String idOf(String campaignId, String email) {
        return campaignId + ":" + email.toLowerCase(java.util.Locale.ROOT);
    }

    NewsSubscriber unsubscribed(Instant at) {
        return new NewsSubscriber(id, campaignId, email, firstName, locale, false, at, at);
    }
}
