package org.tirelire.donation.fundraiser;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A collection page known from notification-service's events: a gift may name it if it is under the same campaign. */
@Document("fundraiser_pages")
public record FundraiserPageRef(@Id String slug, String campaignId) {}
