package org.tirelire.contracts.events;

/**
 * Kafka topic names. Records are keyed by the campaign id, so one campaign's events stay in order; the few
 * events about an organisation as a whole are keyed by the organisation id ({@link TirelireEvent#partitionKey()}).
 */
public final class Topics {

    /** Campaign lifecycle, news and milestones, published by campaign-service. */
    public static final String CAMPAIGN_EVENTS = "tirelire.campaign-events";

    /**
     * Progress after each counted gift, published by campaign-service: one record per gift, so it has a
     * topic of its own and only the live feeds read it (ADR 15).
     */
    public static final String CAMPAIGN_PROGRESS = "tirelire.campaign-progress";

    /** Donation lifecycle, and changes of an organisation's payment account, published by donation-service. */
    public static final String DONATION_EVENTS = "tirelire.donation-events";

    /**
     * Who belongs to each organisation and in which role (invitations, arrivals, role changes, departures),
     * published by the identity module in the gateway process; keyed by organisation.
     */
    public static final String MEMBER_EVENTS = "tirelire.member-events";

    /**
     * What members did that their organisation's audit log keeps, reported by the service that did it and
     * recorded by the identity module; keyed by organisation.
     */
    public static final String AUDIT_EVENTS = "tirelire.audit-events";

    /** Peer-to-peer collection pages, published by notification-service. */
    public static final String FUNDRAISER_EVENTS = "tirelire.fundraiser-events";

    private Topics() {}
}
