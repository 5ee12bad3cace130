package org.tirelire.contracts.ids;

import java.util.Objects;

/**
 * A donation's identifier, where it travels beside other identifiers and a mix-up would compile. Events
 * and the HTTP API carry it as a plain string ({@link #value()}).
 */
public record DonationId(String value) {

    public DonationId {
        Objects.requireNonNull(value, "a donation id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("A donation id is not blank");
        }
    }

    public static DonationId of(String value) {
        return new DonationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
