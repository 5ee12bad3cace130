package org.tirelire.contracts.events;

/** Kafka topic names. Every record on them is keyed by the campaign id, so one campaign's events stay in order. */
public final class Topics {

    /** Campaign lifecycle, progress and milestones, published by campaign-service. */
    public static final String CAMPAIGN_EVENTS = "tirelire.campaign-events";

    /** Donation lifecycle, published by donation-service. */
    public static final String DONATION_EVENTS = "tirelire.donation-events";

    /** Peer-to-peer collection pages, published by notification-service. */
    public static final String FUNDRAISER_EVENTS = "tirelire.fundraiser-events";

    private Topics() {}
}
