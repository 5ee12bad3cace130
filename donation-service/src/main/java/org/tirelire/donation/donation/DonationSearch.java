package org.tirelire.donation.donation;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The organiser's view of a campaign's donations, narrowed by status, collection page and dates. */
@Component
public class DonationSearch {

    /** What to narrow by; every part is optional. {@code to} is exclusive. */
    public record Filter(
            @Nullable DonationStatus status,
            @Nullable String fundraiser,
            @Nullable Instant from,
            @Nullable Instant to) {}

    private final MongoTemplate mongo;

    DonationSearch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Page<Donation> find(String campaignId, Filter filter, Pageable page) {
        Criteria criteria = Criteria.where("campaignId").is(campaignId);
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.fundraiser() != null) {
            criteria = criteria.and("fundraiserSlug").is(filter.fundraiser());
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria createdAt = criteria.and("createdAt");
            if (filter.from() != null) {
                createdAt = createdAt.gte(filter.from());
            }
            if (filter.to() != null) {
                createdAt.lt(filter.to());
            }
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Donation.class);
        List<Donation> content =
                mongo.find(query.with(Sort.by(Sort.Direction.DESC, "createdAt")).with(page), Donation.class);
        return new PageImpl<>(content, page, total);
    }
}
