package org.tirelire.donation.donation;

/** How often a donor gives: once, or every month or year until they stop. */
public enum Frequency {
    ONCE,
    MONTHLY,
    YEARLY;

    public boolean recurring() {
        return this != ONCE;
    }
}
