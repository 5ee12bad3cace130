package org.tirelire.contracts.events;

/**
 * Every event the services publish: one of three families, each a sealed interface whose records are
 * the only permitted types. Every event names its campaign, which is also its Kafka record key, so one
 * campaign's events keep their order.
 *
 * <p>A consumer handles the types it cares about with its family's {@code Handler}, or with a {@link
 * Handler} when it listens to several families: {@code event.dispatchTo(handler)} calls the handler's
 * method for the event's type. Java 17 has no pattern-matching {@code switch}; this is its typed,
 * cast-free equivalent, and a type no handler overrides is ignored.
 */
public sealed interface TirelireEvent permits CampaignEvent, DonationEvent, FundraiserEvent {

    String campaignId();

    /** Calls the handler's method for this event's type, whatever its family. */
    void dispatchTo(Handler handler);

    /** A handler for the events of every family. */
    interface Handler extends CampaignEvent.Handler, DonationEvent.Handler, FundraiserEvent.Handler {}
}
