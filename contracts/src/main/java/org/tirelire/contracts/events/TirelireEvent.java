package org.tirelire.contracts.events;

/**
 * Every event the services publish: one of four families, each a sealed interface whose records are the
 * only permitted types. Every event names what its Kafka record is keyed by ({@link #partitionKey()}): the
 * campaign it is about, so that one campaign's events keep their order, or its organisation for the few
 * events about an organisation as a whole.
 *
 * <p>A consumer handles the types it cares about with its family's {@code Handler}, or with a {@link
 * Handler} when it listens to several families: {@code event.dispatchTo(handler)} calls the handler's
 * method for the event's type. Java 17 has no pattern-matching {@code switch}; this is its typed,
 * cast-free equivalent, and a type no handler overrides is ignored.
 */
public sealed interface TirelireEvent permits CampaignEvent, DonationEvent, FundraiserEvent, OrganisationEvent {

    /** The Kafka record key: the events with the same key keep their order. */
    String partitionKey();

    /** Calls the handler's method for this event's type, whatever its family. */
    void dispatchTo(Handler handler);

    /** A handler for the events of every family. */
    interface Handler
            extends CampaignEvent.Handler, DonationEvent.Handler, FundraiserEvent.Handler, OrganisationEvent.Handler {}
}
