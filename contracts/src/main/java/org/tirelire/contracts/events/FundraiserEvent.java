package org.tirelire.contracts.events;

/** What notification-service announces about collection pages; see {@link TirelireEvent} for handling. */
public sealed interface FundraiserEvent extends TirelireEvent permits FundraiserPageCreated {

    String campaignId();

    @Override
    default String partitionKey() {
        return campaignId();
    }

    String slug();

    /** Calls the handler's method for this event's type. */
    void dispatchTo(Handler handler);

    @Override
    default void dispatchTo(TirelireEvent.Handler handler) {
        dispatchTo((Handler) handler);
    }

    /** One method per type, each ignoring its event unless overridden. */
    interface Handler {

        default void on(FundraiserPageCreated created) {}
    }
}
