package org.tirelire.contracts.events;

/** Kafka topic names. Every record on them is keyed by the campaign id, so one campaign's events stay in order. */
public final class Topics {

    /** Campaign lifecycle, news and milestones, published by campaign-service. */
    public static final String CAMPAIGN_EVENTS = "tirelire.campaign-events";

    /**
     * Progress after each counted gift, published by campaign-service: one record per gift, so it has a
     * topic of its own and only the live feeds read it (ADR 15).
     */
    public static final String CAMPAIGN_PROGRESS = "tirelire.campaign-progress";

    /** Donation lifecycle, published by donation-service. */
    public static final String DONATION_EVENTS = "tirelire.donation-events";

    /** Peer-to-peer collection pages, published by notification-service. */
    public static final String FUNDRAISER_EVENTS = "tirelire.fundraiser-events";

    private Topics() {}
}
