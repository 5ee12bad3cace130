package org.tirelire.campaign.news;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tirelire.contracts.events.NewsPublished;
import org.tirelire.kit.messaging.OutboxAggregate;
import org.tirelire.kit.messaging.PendingEvent;

/** News an organiser posts on a campaign ("actualité"); published with its event in the same write. */
@Document("campaign_news")
public class News implements OutboxAggregate {

    @Id
    private final String id;

    @Indexed
    private final String campaignId;

    private final String title;
    private final String body;
    private final Instant publishedAt;
    private final List<PendingEvent> outbox;

    @Version
    private @Nullable Long version;

    @PersistenceCreator
    News(
            String id,
            String campaignId,
            String title,
            String body,
            Instant publishedAt,
            List<PendingEvent> outbox,
            @Nullable Long version) {
        this.id = id;
        this.campaignId = campaignId;
        this.title = title;
        this.body = body;
        this.publishedAt = publishedAt;
        this.outbox = new ArrayList<>(outbox);
        this.version = version;
    }

    public static News publish(String campaignId, String organisationId, String title, String body, Instant now) {
        News news = new News(UUID.randomUUID().toString(), campaignId, title, body, now, List.of(), null);
        news.outbox.add(PendingEvent.of(new NewsPublished(news.id, campaignId, organisationId, title, body, now), now));
        return news;
    }

    public String id() {
        return id;
    }

    public String campaignId() {
        return campaignId;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
