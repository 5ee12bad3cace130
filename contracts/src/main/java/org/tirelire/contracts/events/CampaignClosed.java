package org.tirelire.contracts.events;

import java.time.Instant;
import org.tirelire.contracts.money.Money;

/** A campaign stopped accepting gifts: closed by its organiser or ended at its deadline. */
public record CampaignClosed(
        String campaignId, String organisationId, Money raised, long donationCount, Instant closedAt) {}
