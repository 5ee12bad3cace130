package org.tirelire.contracts.events;

/** What donation-service announces about a gift; see {@link TirelireEvent} for how consumers handle them. */
public sealed interface DonationEvent extends TirelireEvent
        permits DonationConfirmed,
                DonationFailed,
                DonationRefunded,
                DonationMessageHidden,
                DonorErased,
                SubscriptionStarted,
                SubscriptionChargeFailed,
                SubscriptionLinkSent,
                SubscriptionChargeUpcoming,
                SubscriptionMovedToGeneralFund {

    String campaignId();

    @Override
    default String partitionKey() {
        return campaignId();
    }

    String donationId();

    /** Calls the handler's method for this event's type. */
    void dispatchTo(Handler handler);

    @Override
    default void dispatchTo(TirelireEvent.Handler handler) {
        dispatchTo((Handler) handler);
    }

    /** One method per type, each ignoring its event unless overridden. */
    interface Handler {

        default void on(DonationConfirmed confirmed) {}

        default void on(DonationFailed failed) {}

        default void on(DonationRefunded refunded) {}

        default void on(DonationMessageHidden hidden) {}

        default void on(DonorErased erased) {}

        default void on(SubscriptionStarted started) {}

        default void on(SubscriptionChargeFailed failed) {}

        default void on(SubscriptionLinkSent sent) {}

        default void on(SubscriptionChargeUpcoming upcoming) {}

        default void on(SubscriptionMovedToGeneralFund moved) {}
    }
}
