package org.tirelire.donation.donation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The smallest and largest gift accepted, in minor units, under {@code tirelire.donations.limits}.
 * Defaults: 1.00 and 100 000.00 in the campaign's currency.
 */
@ConfigurationProperties("tirelire.donations.limits")
public record DonationLimits(
        @DefaultValue("100") long min,
        @DefaultValue("10000000") long max) {}
