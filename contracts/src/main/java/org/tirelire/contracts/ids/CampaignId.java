package org.tirelire.contracts.ids;

import java.util.Objects;

/**
 * A campaign's identifier, where it travels beside other identifiers and a mix-up would compile. Events
 * and the HTTP API carry it as a plain string ({@link #value()}).
 */
public record CampaignId(String value) {

    public CampaignId {
        Objects.requireNonNull(value, "a campaign id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A campaign id is not blank");
        }
    }

    public static CampaignId of(String value) {
        return new CampaignId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
